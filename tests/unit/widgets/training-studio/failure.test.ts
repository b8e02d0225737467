import { describe, expect, it } from 'vitest';
import { isOutOfMemory } from '../../../../src/widgets/training-studio/backend-watch';
import { deviceLostMessage, failureMessage, nonFiniteMessage } from '../../../../src/widgets/training-studio/failure';

describe('failure messages', () => {
  it('a NaN loss names the failed step and the step the network is still at', () => {
    expect(nonFiniteMessage(NaN, 41, 40)).toBe(
      'Paused: the loss became NaN at step 41. That update was not applied, so the network is still the one of step 40. Lower the learning rate, then Resume.',
    );
    expect(nonFiniteMessage(Infinity, 3, 2)).toContain('the loss became Infinity at step 3');
  });

  it('recognises out-of-memory errors of the webgl, webgpu and wasm backends', () => {
    expect(isOutOfMemory(new Error('Failed to allocate texture of size 4096x4096'))).toBe(true);
    expect(isOutOfMemory(new Error('GPUOutOfMemoryError: out of memory'))).toBe(true);
    expect(isOutOfMemory(new RangeError('Array buffer allocation failed'))).toBe(true);
    expect(isOutOfMemory(new Error('shapes do not match'))).toBe(false);
    expect(failureMessage(new Error('Failed to allocate texture'), 12, 'The network is back at your last save (step 10).')).toBe(
      'Paused at step 12: the device ran out of memory (try a smaller batch, half resolution or a narrower VGG16). The network is back at your last save (step 10).',
    );
    expect(failureMessage('boom', 3, 'There was no save to go back to.')).toBe('Paused at step 3: boom. There was no save to go back to.');
  });

  it('a lost device points to the last save', () => {
    expect(deviceLostMessage('The WebGL context was lost.')).toBe(
      'The WebGL context was lost. Training stopped; your last save is intact. Switch to another backend (or reload the page) to continue from it.',
    );
  });
});
