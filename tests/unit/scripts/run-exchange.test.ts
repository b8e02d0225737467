/**
 * One run across the train CLI and the training studio: a CLI run's checkpoint (its
 * run.unpooled) imported into the studio, exported from there, and resumed by the CLI, ends
 * bit for bit where an uninterrupted CLI run of the same config ends.
 */
import * as tf from '@tensorflow/tfjs';
import { readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkpointFolder } from '../../../scripts/lib/checkpoint-files';
import { readLog } from '../../../scripts/lib/run-folder';
import { trainCli } from '../../../scripts/lib/train-cli';
import { resizeSplit } from '../../../src/data';
import { loadDatasetFromDir } from '../../../src/data/node';
import * as segnet from '../../../src/segnet';
import type { Engine } from '../../../src/widgets/shared/engine';
import { weightsChecksum } from '../../../src/widgets/training-studio/persistence';
import type { RunData } from '../../../src/widgets/training-studio/run';
import { memoryRunStore } from '../../../src/widgets/training-studio/run-store';
import { StudioSession, type SessionView } from '../../../src/widgets/training-studio/session';
import { DEFAULT_SETTINGS, type DatasetOption } from '../../../src/widgets/training-studio/settings';
import { capture, useTinyDataset } from './cli-fixture';

const tmp = useTinyDataset('unpooled-exchange-', 32, 3);
const train = (argv: string[], out = capture()) => trainCli([...argv, '--backend', 'wasm'], out, new segnet.TrainingController());
/** The options both sides can express: half resolution, Adam, unweighted, constant rate. */
const common = () => ['--data', tmp.data, '--resolution', 'half', '--batch', '2', '--optimizer', 'adam', '--weights', 'none', '--lr', '0.001'];
const quiet: SessionView = { phase: () => {}, message: () => {}, progress: () => {}, curves: () => {}, strip: () => {}, checksum: () => {}, backend: () => {}, deviceLost: () => {}, settings: () => {}, savedRuns: () => {} };

describe('a run between the train CLI and the training studio', () => {
  it('imports a CLI checkpoint into the studio, and the studio’s export resumes with npm run train -- --resume', async () => {
    // The reference: 3 steps of the CLI without a break (2 steps an epoch).
    const straight = join(tmp.root, 'straight');
    expect(await train([...common(), '--epochs', '2', '--max-steps', '3', '--out', straight])).toBe(0);

    // 2 steps of the CLI; its run.unpooled goes into the studio.
    const cli = join(tmp.root, 'cli');
    expect(await train([...common(), '--epochs', '1', '--out', cli])).toBe(0);
    const { model: cliModel } = await segnet.loadSegNet(checkpointFolder(join(cli, 'checkpoint')));
    const cliSum = await weightsChecksum(cliModel);
    cliModel.dispose();

    const name = basename(tmp.data);
    const option: DatasetOption = { name, url: `/data/${name}/`, height: 32, width: 32, trainCount: 4 };
    const dataset = await loadDatasetFromDir(tmp.data, { splits: ['train', 'val'] });
    const runData: RunData = { name, manifest: dataset.manifest, train: resizeSplit(dataset.splits.train!, 16, 16), val: resizeSplit(dataset.splits.val!, 16, 16) };
    const engine: Engine = { tf, segnet, backend: { name: 'wasm', canTrain: true, rejected: [] } };
    let saved = 0;
    const session = new StudioSession(engine, 'exchange', { datasets: [option], pretrainedUrl: null }, quiet, {
      store: { ...memoryRunStore(), save: async () => void saved++, read: async () => null },
      loadData: async () => runData,
      activate: async () => engine.backend,
      watchDevice: () => () => undefined,
    });
    try {
      await session.importFile(new File([await readFile(join(cli, 'run.unpooled'))], 'run.unpooled'));
      const run = session.current!;
      expect(run).not.toBeNull();
      expect(run.progress).toEqual({ step: 2, epoch: 0, batch: 2 });
      expect(run.settings).toEqual({ ...DEFAULT_SETTINGS, data: name, res: 'half', batch: 2, opt: 'adam', weights: 'none', lr: 0.001, epochs: 1, init: 'scratch', freeze: false });
      expect(await weightsChecksum(run.model)).toBe(cliSum);
      expect(saved).toBe(1);

      // The studio's export, resumed by the CLI for one more step.
      const exported = await session.exportFile();
      const file = join(tmp.root, exported.name);
      await writeFile(file, exported.bytes);
      const resumed = join(tmp.root, 'resumed');
      const out = capture();
      expect(await train(['--resume', file, '--data', tmp.data, '--epochs', '2', '--max-steps', '3', '--out', resumed], out)).toBe(0);
      expect(out.lines).toContain('train: resumed at step 2 (epoch 1, batch 2)');
      const log = await readLog(join(resumed, 'log.jsonl'));
      expect(log.filter((r) => r.type === 'step').map((r) => [r.step, r.epoch, r.batch])).toEqual([[3, 1, 1]]);
      const weights = (dir: string) => readFile(join(dir, 'model', 'weights.bin'));
      expect((await weights(resumed)).equals(await weights(straight))).toBe(true);
    } finally {
      session.current?.dispose();
      session.dispose();
    }
  }, 300_000);

  it('refuses to resume a studio export with another data set, naming both', async () => {
    const run = join(tmp.root, 'cli');
    const file = join(run, 'run.unpooled');
    await expect(train(['--resume', file, '--data', join(tmp.root, 'synthetic-64x64'), '--out', join(tmp.root, 'other')])).rejects.toThrow(
      /--data .*synthetic-64x64 differs from the run being resumed \(.*synthetic-32x32\)/,
    );
  });
});
