import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../../../src/segnet';

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
  });

  it('names every backend it tried when none starts', async () => {
    await expect(selectBackend(['webgpu'])).rejects.toThrow(/none of webgpu could start \(webgpu: not registered in this build\)/);
  });
});
