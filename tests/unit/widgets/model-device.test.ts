/**
 * The model widgets' networks after a lost GPU (src/widgets/model/model-device.ts): dropped at
 * once, the engine moved to WebAssembly and the switch announced with the loss as its reason;
 * the page words that reason in its own language (run-policy.ts).
 */
import { describe, expect, it } from 'vitest';
import type { BackendChoice } from '../../../src/segnet';
import { messages } from '../../../src/i18n';
import { onEngineBackend, setEngineBackend } from '../../../src/widgets/shared/backend-sharing';
import type { Engine } from '../../../src/widgets/shared/engine';
import { recoverModelsOnDeviceLoss } from '../../../src/widgets/model/model-device';
import { backendSentence, reasonWords } from '../../../src/widgets/model/run-policy';

const WASM: BackendChoice = { name: 'wasm', canTrain: true, rejected: [], threads: 2 };

function fakeEngine(backend: unknown): Engine {
  return { tf: { backend: () => backend }, segnet: {}, backend: { name: 'webgl', canTrain: true, rejected: [] } } as unknown as Engine;
}

describe('recoverModelsOnDeviceLoss', () => {
  it('on a lost WebGL context: drops the networks with the switch under way, moves to WebAssembly, announces the loss as the reason', async () => {
    const canvas = new EventTarget();
    const engine = fakeEngine({ gpgpu: { gl: { canvas } } });
    const events: string[] = [];
    let switched: Promise<void> | null = null;
    const announced: BackendChoice[] = [];
    const stopListening = onEngineBackend((b) => announced.push(b));
    const stop = recoverModelsOnDeviceLoss(
      engine,
      (s) => {
        events.push('drop');
        switched = s;
      },
      (e) => events.push(`error ${String(e)}`),
      {
        activate: async () => {
          events.push('activate');
          return WASM;
        },
        announce: (e, b) => {
          events.push('announce');
          setEngineBackend(e, b);
        },
      },
    );
    canvas.dispatchEvent(new Event('webglcontextlost', { cancelable: true }));
    expect(events).toEqual(['activate', 'drop']);
    await switched;
    expect(events).toEqual(['activate', 'drop', 'announce']);
    expect(announced).toEqual([{ ...WASM, reason: messages('en').widgetRuntime.webglLost }]);
    expect(engine.backend.name).toBe('wasm');
    stop();
    stopListening();
  });

  it('a switch that fails is reported, and the networks are dropped all the same', async () => {
    const engine = fakeEngine({ device: { lost: Promise.resolve({ message: 'driver reset' }) } });
    const errors: unknown[] = [];
    let drops = 0;
    let switched: Promise<void> = Promise.resolve();
    const stop = recoverModelsOnDeviceLoss(
      engine,
      (s) => {
        drops++;
        switched = s;
      },
      (e) => errors.push(e),
      { activate: () => Promise.reject(new Error('no wasm')), announce: () => expect.unreachable() },
    );
    await new Promise((r) => setTimeout(r, 0));
    await switched;
    expect(drops).toBe(1);
    expect(errors.map(String)).toEqual(['Error: no wasm']);
    stop();
  });
});

describe('the page words a lost device in its language', () => {
  const en = messages('en');
  const zh = messages('zh');
  it('WebGL and WebGPU losses, with the detail kept', () => {
    expect(reasonWords(en.widgetRuntime.webglLost, zh.model, zh.widgetRuntime)).toBe(zh.widgetRuntime.webglLost);
    expect(reasonWords(en.widgetRuntime.webgpuLost('driver reset'), zh.model, zh.widgetRuntime)).toBe(zh.widgetRuntime.webgpuLost('driver reset'));
    expect(reasonWords(en.widgetRuntime.webgpuLost(''), zh.model, zh.widgetRuntime)).toBe(zh.widgetRuntime.webgpuLost(''));
    expect(reasonWords('something else', zh.model, zh.widgetRuntime)).toBe('something else');
    expect(backendSentence({ ...WASM, reason: en.widgetRuntime.webglLost }, en.model)).toBe(
      'Running on WebAssembly on the CPU (2 threads): the WebGL context was lost (the graphics driver reset or the browser reclaimed it).',
    );
  });
});
