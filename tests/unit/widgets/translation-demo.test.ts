// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { featureRows } from '../../../src/widgets/shared/examples';
import { readState } from '../../../src/widgets/shared/url-state';
import { shiftSentence } from '../../../src/widgets/translation-demo/caption';
import { renderTranslation } from '../../../src/widgets/translation-demo/render';
import { shiftComparison, shiftedView } from '../../../src/widgets/translation-demo/shift-comparison';
import { translationCodec } from '../../../src/widgets/translation-demo/state';
import { markup } from './snapshot';

describe('translationCodec', () => {
  it('reads shifts in -2..2', () => {
    expect(readState('shift', translationCodec, '?shift.dx=-2&shift.dy=1&shift.seed=4')).toEqual({ seed: 4, dx: -2, dy: 1 });
    expect(readState('shift', translationCodec, '?shift.dx=3')).toEqual(translationCodec.defaults);
  });
});

describe('shiftedView(canvas, dx, dy)', () => {
  it('moves the content right by dx and down by dy', () => {
    const canvas = featureRows(2, 12);
    const base = shiftedView(canvas, 0, 0);
    const moved = shiftedView(canvas, 1, 2);
    expect(moved[2]![1]).toBe(base[0]![0]);
    expect(moved[7]![7]).toBe(base[5]![6]);
  });
});

describe('shiftComparison(state)', () => {
  it('finds nothing changed without a shift', () => {
    const v = shiftComparison({ seed: 1, dx: 0, dy: 0 });
    expect([v.unchanged, v.total, v.moved]).toEqual([16, 16, null]);
    expect(shiftSentence(v)).toBe('No shift: both inputs are the same, so both pooled maps are the same, 16 of 16.');
  });

  it('counts changed pooled values for a one-pixel shift', () => {
    const v = shiftComparison({ seed: 1, dx: 1, dy: 0 });
    expect(v.unchanged).toBe(16 - v.changed.flat().filter(Boolean).length);
    expect(shiftSentence(v)).toBe(
      `Input shifted 1 pixel right: ${v.unchanged} of 16 pooled values stay the same in place; ${16 - v.unchanged} changed (marked). ` +
        `Where a window's maximum stays inside the window after the shift, its pooled value does not move.`,
    );
  });

  it('a shift by whole windows moves the pooled map by whole cells', () => {
    for (const [dx, dy] of [[2, 0], [0, -2], [2, 2], [-2, 2]] as const) {
      const v = shiftComparison({ seed: 7, dx, dy });
      expect(v.moved).not.toBeNull();
      expect(v.moved!.matching).toBe(v.moved!.comparable);
    }
    expect(shiftSentence(shiftComparison({ seed: 7, dx: -2, dy: 0 }))).toContain('Input shifted 2 pixels left');
  });
});

describe('renderTranslation(view)', () => {
  it('marks exactly the changed pooled cells', () => {
    const v = shiftComparison({ seed: 1, dx: 1, dy: 1 });
    const last = [...renderTranslation(v).querySelectorAll('svg')][3]!;
    expect(last.querySelectorAll('.cell.is-hot')).toHaveLength(v.total - v.unchanged);
  });

  it('matches the snapshot shift-seed1-dx1', async () => {
    await expect(markup(renderTranslation(shiftComparison({ seed: 1, dx: 1, dy: 0 })))).toMatchFileSnapshot('__snapshots__/shift-seed1-dx1.html');
  });
});
