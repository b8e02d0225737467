import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { StepPlayer } from '../../../src/widgets/shared/step-player';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function player(last: number, step = 0) {
  const changes: [number, boolean][] = [];
  const p = new StepPlayer({ last, step, intervalMs: 100, onChange: (s, playing) => changes.push([s, playing]) });
  return { p, changes };
}

describe('new StepPlayer({ last, step })', () => {
  it('clamps the starting step and rejects a bad last step', () => {
    expect(player(4, 9).p.step).toBe(4);
    expect(() => new StepPlayer({ last: -1, onChange: () => {} })).toThrow('StepPlayer: last must be a non-negative integer, got -1');
  });
});

describe('StepPlayer stepping', () => {
  it('next(), previous() and seek() stay within [0, last]', () => {
    const { p, changes } = player(3);
    p.previous();
    p.next();
    p.next();
    p.seek(10);
    expect(changes.map(([s]) => s)).toEqual([0, 1, 2, 3]);
  });

  it('play() advances once per interval and stops itself at the end', () => {
    const { p, changes } = player(3);
    p.play();
    expect(p.playing).toBe(true);
    vi.advanceTimersByTime(1000);
    expect(p.step).toBe(3);
    expect(p.playing).toBe(false);
    expect(changes).toEqual([
      [0, true],
      [1, true],
      [2, true],
      [3, false],
    ]);
  });

  it('play() from the final step starts over; pause() stops', () => {
    const { p } = player(2, 2);
    p.play();
    expect(p.step).toBe(0);
    vi.advanceTimersByTime(100);
    p.pause();
    vi.advanceTimersByTime(500);
    expect(p.step).toBe(1);
    expect(p.playing).toBe(false);
  });

  it('setLast(last) clamps the step and stops a player at the end', () => {
    const { p } = player(16, 12);
    p.setLast(9);
    expect([p.last, p.step]).toEqual([9, 9]);
    p.play();
    p.setLast(20, 3);
    expect([p.last, p.step, p.playing]).toEqual([20, 3, true]);
    p.dispose();
    vi.advanceTimersByTime(1000);
    expect(p.step).toBe(3);
  });
});
