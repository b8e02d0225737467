import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import { selectBackend, type BackendName } from '../../../src/segnet';

afterAll(async () => {
  await tf.setBackend('cpu');
});

describe('selectBackend(preference)', () => {
  it('falls through backends that are not registered and reports why', async () => {
    const choice = await selectBackend(['webgpu', 'cpu']);
    expect(choice.name).toBe('cpu');
    expect(tf.getBackend()).toBe('cpu');
    expect(choice.canTrain).toBe(true);
    expect(choice.rejected).toEqual([{ name: 'webgpu', reason: 'not registered in this build' }]);
    expect(choice.reason).toBeUndefined();
  });

  it('names every backend it tried when none starts', async () => {
    await expect(selectBackend(['webgpu'])).rejects.toThrow(/none of webgpu could start \(webgpu: not registered in this build\)/);
  });

  it('refuses an empty preference by name', async () => {
    await expect(selectBackend([])).rejects.toThrow('selectBackend: preference must name at least one backend, got none');
  });
});

describe('selectBackend(preference, { load, skipped, reasons })', () => {
  it('loads each backend just before trying it, and not the ones after the one that starts', async () => {
    const loaded: BackendName[] = [];
    const load = async (name: BackendName) => {
      loaded.push(name);
      if (name === 'webgpu') throw new Error('no adapter');
    };
    const choice = await selectBackend(['webgpu', 'webgl', 'cpu', 'wasm'], { load });
    expect(choice.name).toBe('cpu');
    // cpu is registered already (by @tensorflow/tfjs here), so it needs no load; wasm is never reached.
    expect(loaded).toEqual(['webgpu', 'webgl']);
    expect(choice.rejected).toEqual([
      { name: 'webgpu', reason: 'no adapter' },
      { name: 'webgl', reason: 'not registered in this build' },
    ]);
  });

  it('reports skipped backends first and gives the chosen backend its reason', async () => {
    const choice = await selectBackend(['cpu'], {
      skipped: [{ name: 'webgpu', reason: 'no WebGPU adapter' }],
      reasons: { cpu: 'the only one left', wasm: 'not this one' },
    });
    expect(choice).toEqual({ name: 'cpu', canTrain: true, rejected: [{ name: 'webgpu', reason: 'no WebGPU adapter' }], reason: 'the only one left' });
  });
});
