import { describe, expect, it } from 'vitest';
import { colourFill, regionFill } from '../../../../src/widgets/label-painter/fill';
import { brushIndices, segmentIndices } from '../../../../src/widgets/label-painter/brush';

/** A grid drawn by hand: each character one pixel. */
function grid(rows: string[]): { width: number; height: number; cells: string[] } {
  return { width: rows[0]!.length, height: rows.length, cells: rows.join('').split('') };
}
/** The indices marked `#` in a drawn answer. */
function marked(rows: string[]): number[] {
  return rows.join('').split('').flatMap((c, i) => (c === '#' ? [i] : []));
}

describe('regionFill', () => {
  // Two separate regions of class 3: only the one connected (4-way, not diagonally) is filled.
  const g = grid(['3310', '3100', '0013', '0033']);
  const labels = Uint8Array.from(g.cells, Number);
  it('fills the connected region of the seed’s class', () => {
    expect([...regionFill(labels, g.width, g.height, 0, 0)]).toEqual(marked(['##..', '#...', '....', '....']));
    expect([...regionFill(labels, g.width, g.height, 3, 3)]).toEqual(marked(['....', '....', '...#', '..##']));
    // The zeros at the bottom left touch the seed's only diagonally: left alone.
    expect([...regionFill(labels, g.width, g.height, 2, 1)]).toEqual(marked(['...#', '..##', '....', '....']));
  });
  it('names a seed off the map', () => {
    expect(() => regionFill(labels, 4, 4, 4, 0)).toThrow(/seed pixel must lie in 0\.\.3 x 0\.\.3, got \(4, 0\)/);
  });
});

describe('colourFill', () => {
  // a: (100,100,100), b: (110,100,95) close to a, z: (200,0,0) an edge.
  const colours: Record<string, [number, number, number]> = { a: [100, 100, 100], b: [110, 100, 95], z: [200, 0, 0] };
  const g = grid(['aabz', 'azbz', 'zzaa', 'aaza']);
  const rgb = Uint8Array.from(g.cells.flatMap((c) => colours[c]!));
  it('stops at colour edges, within the tolerance', () => {
    expect([...colourFill(rgb, g.width, g.height, 0, 0, 10)]).toEqual(marked(['###.', '#.#.', '..##', '...#']));
    expect([...colourFill(rgb, g.width, g.height, 0, 0, 5)]).toEqual(marked(['##..', '#...', '....', '....']));
    expect([...colourFill(rgb, g.width, g.height, 3, 3, 0)]).toEqual(marked(['....', '....', '..##', '...#']));
  });
  it('a tolerance of 255 fills everything connected', () => {
    expect(colourFill(rgb, g.width, g.height, 1, 1, 255).length).toBe(16);
  });
  it('names bad input', () => {
    expect(() => colourFill(rgb.subarray(3), 4, 4, 0, 0, 10)).toThrow(/needs 48 RGB bytes, got 45/);
    expect(() => colourFill(rgb, 4, 4, 0, 0, -1)).toThrow(/tolerance must be in 0\.\.255/);
  });
});

describe('brush', () => {
  it('paints a disc of the radius, clipped to the map', () => {
    expect(brushIndices(5, 5, 2, 2, 0)).toEqual([12]);
    expect(brushIndices(5, 5, 2, 2, 1)).toEqual(marked(['.....', '..#..', '.###.', '..#..', '.....']));
    expect(brushIndices(5, 5, 2, 2, 2)).toEqual(marked(['..#..', '.###.', '#####', '.###.', '..#..']));
    expect(brushIndices(5, 5, 0, 0, 2)).toEqual(marked(['###..', '##...', '#....', '.....', '.....']));
  });
  it('matches the disc rule at every radius', () => {
    for (let r = 0; r <= 6; r++) {
      const expected: number[] = [];
      for (let y = 0; y < 20; y++) for (let x = 0; x < 20; x++) if ((x - 10) ** 2 + (y - 9) ** 2 <= r * r) expected.push(y * 20 + x);
      expect(brushIndices(20, 20, 10, 9, r)).toEqual(expected);
    }
  });
  it('a drag leaves no gap between its ends', () => {
    expect(segmentIndices(6, 1, 0, 0, 5, 0, 0)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(segmentIndices(3, 3, 0, 0, 2, 2, 0)).toEqual([0, 4, 8]);
  });
  it('refuses a bad radius, naming it', () => {
    expect(() => brushIndices(5, 5, 2, 2, 1.5)).toThrow(/brush radius must be an integer in 0\.\.16, got 1\.5/);
  });
});
