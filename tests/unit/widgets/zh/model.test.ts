// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { messages } from '../../../../src/i18n';
import type { BackendChoice, CheckpointMeta } from '../../../../src/segnet';
import { renderModelStatus, type ModelStatusView } from '../../../../src/widgets/model/model-status';
import { checkpointMismatch, describeCheckpoint } from '../../../../src/widgets/model/page-model';
import { backendSentence, holdView, type HoldReason } from '../../../../src/widgets/model/run-policy';
import { expectChinese } from '../../i18n/same-in-both';

const zh = messages('zh').model;
const webgl: BackendChoice = { name: 'webgl', canTrain: true, rejected: [] };
const cpu: BackendChoice = { name: 'cpu', canTrain: true, rejected: [{ name: 'webgpu', reason: 'x' }, { name: 'webgl', reason: 'y' }] };
const wasm: BackendChoice = { name: 'wasm', canTrain: false, rejected: [{ name: 'webgl', reason: 'y' }] };

describe('model status in Chinese', () => {
  it('renderModelStatus(view, zh) says every state in Chinese', () => {
    const views: ModelStatusView[] = [
      { state: 'waiting' },
      { state: 'held', message: zh.hold['small-screen'] },
      { state: 'loading' },
      { state: 'slow', backendSentence: backendSentence(cpu, zh) },
      { state: 'ready', summary: zh.untrainedSummary, backendSentence: backendSentence(webgl, zh), notice: zh.noCheckpoint },
      { state: 'failed', message: '网络错误' },
    ];
    for (const view of views) expectChinese(renderModelStatus(view, zh));
    expect(renderModelStatus({ state: 'held', message: 'm' }, zh).querySelector('[data-action="run"]')!.textContent).toBe('运行网络');
  });

  it('holdView(env, hasFallback, zh) gives every hold reason and its button in Chinese', () => {
    const envs: Record<HoldReason, Parameters<typeof holdView>[0]> = {
      'save-data': { viewportWidth: 1200, saveData: true, deviceMemoryGb: 8 },
      'small-screen': { viewportWidth: 400, saveData: false, deviceMemoryGb: 8 },
      'low-memory': { viewportWidth: 1200, saveData: false, deviceMemoryGb: 1 },
      'no-gpu': { viewportWidth: 1200, saveData: false, deviceMemoryGb: 8, gpu: false },
    };
    for (const [reason, env] of Object.entries(envs)) {
      for (const fallback of [true, false]) {
        const held = holdView(env, fallback, zh)!;
        expect(held.reason).toBe(reason);
        expectChinese(`${held.message} ${held.note ?? ''} ${held.action}`);
      }
    }
  });

  it('backendSentence(backend, zh) and the checkpoint summaries are Chinese', () => {
    for (const b of [webgl, cpu, wasm]) expectChinese(backendSentence(b, zh));
    const meta = { config: { encoder: 'vgg16', height: 180, width: 240 }, progress: { step: 2500 }, extra: { dataset: 'CamVid' } } as unknown as CheckpointMeta;
    expect(describeCheckpoint(meta, zh).summary).toBe('SegNet-Basic，预训练检查点（2,500 步，在 CamVid 上训练）');
    expectChinese(checkpointMismatch(meta, zh)!, ['vgg16', 'basic']);
    for (const text of [zh.checkpointUnfit('x'), zh.checkpointFailed('x'), zh.framesFailed('x'), zh.frame, zh.runAnyway, zh.runLive]) expectChinese(text, ['x']);
  });
});
