import { describe, expect, it } from 'vitest';
import { EXPLOSION_MIN_HISTORY, EXPLOSION_WINDOW, LossWatch } from '../../../scripts/lib/loss-watch';

describe('LossWatch.check(loss) (scripts/lib/loss-watch.ts)', () => {
  it('accepts any finite loss during the first 10 steps', () => {
    const watch = new LossWatch();
    for (const loss of [2, 50, 1, 900, 3, 1, 1, 1, 1]) expect(watch.check(loss)).toBeNull();
    expect(EXPLOSION_MIN_HISTORY).toBe(10);
  });

  it('stops at a loss more than 10x the median of the last 50 steps, and not at 10x', () => {
    const watch = new LossWatch(Array.from({ length: 60 }, () => 0.5));
    expect(watch.check(5)).toBeNull(); // exactly 10x
    expect(watch.check(5.01)).toMatch(/the loss 5\.010 is more than 10x the median 0\.5000 of the last 50 steps \(exploding\)/);
  });

  it('uses the median, so one earlier spike does not raise the bar', () => {
    const watch = new LossWatch([...Array.from({ length: 20 }, () => 1), 100]);
    expect(watch.check(11)).toMatch(/exploding/);
  });

  it('forgets losses older than the last 50 steps', () => {
    const watch = new LossWatch([...Array.from({ length: EXPLOSION_WINDOW }, () => 10), ...Array.from({ length: EXPLOSION_WINDOW }, () => 1)]);
    expect(watch.check(20)).toMatch(/median 1\.000/);
  });

  it('reports a NaN or infinite loss and does not remember it', () => {
    const watch = new LossWatch(Array.from({ length: 10 }, () => 1));
    expect(watch.check(Number.NaN)).toBe('the loss is NaN');
    expect(watch.check(Number.POSITIVE_INFINITY)).toBe('the loss is Infinity');
    expect(watch.check(9)).toBeNull();
  });
});
