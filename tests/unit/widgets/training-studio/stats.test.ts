import { describe, expect, it } from 'vitest';
import { statsView, type StatsInput } from '../../../../src/widgets/training-studio/stats';

const base: StatsInput = { backend: 'wasm', step: 10, totalSteps: 64, epoch: 0, epochs: 2, batch: 10, batchesPerEpoch: 32, batchSize: 2, imagesPerSecond: 4, loss: 1.23456 };
const value = (input: StatsInput, key: string) => statsView(input).find((s) => s.key === key)!.value;

describe('statsView(input)', () => {
  it('shows backend, step, epoch, speed, time left and loss', () => {
    expect(statsView(base).map((s) => [s.label, s.value])).toEqual([
      ['Backend', 'wasm'],
      ['Step', '10 / 64'],
      ['Epoch', '1 / 2'],
      ['Images/s', '4.00'],
      ['Time left', '27 s'], // 54 steps x 2 images / 4 images per second
      ['Loss', '1.2346'],
    ]);
  });

  it('counts a completed epoch as the start of the next, and says done at the end', () => {
    expect(value({ ...base, step: 32, batch: 32 }, 'epoch')).toBe('2 / 2');
    expect(value({ ...base, step: 64, epoch: 1, batch: 32 }, 'epoch')).toBe('2 / 2');
    expect(value({ ...base, step: 64, epoch: 1, batch: 32 }, 'eta')).toBe('done');
  });

  it('shows dashes before the first step of a session', () => {
    expect(value({ ...base, imagesPerSecond: null }, 'speed')).toBe('—');
    expect(value({ ...base, imagesPerSecond: null }, 'eta')).toBe('—');
    expect(value({ ...base, loss: null }, 'loss')).toBe('—');
  });
});
