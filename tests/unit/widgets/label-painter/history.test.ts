import { describe, expect, it } from 'vitest';
import { LabelHistory } from '../../../../src/widgets/label-painter/history';

describe('LabelHistory', () => {
  it('undoes and redoes a stroke, keeping only the changed pixels', () => {
    const labels = Uint8Array.of(0, 0, 1, 1);
    const h = new LabelHistory(labels);
    h.begin();
    h.setAll([0, 1, 2], 1); // pixel 2 was already 1: not part of the diff
    h.set(0, 3); // painted twice in one stroke: before stays 0
    expect(h.end()).toBe(true);
    expect([...labels]).toEqual([3, 1, 1, 1]);
    expect(h.sizes).toEqual({ undo: 1, redo: 0 });
    expect(h.undo()).toBe(true);
    expect([...labels]).toEqual([0, 0, 1, 1]);
    expect(h.canRedo).toBe(true);
    expect(h.redo()).toBe(true);
    expect([...labels]).toEqual([3, 1, 1, 1]);
    expect(h.redo()).toBe(false);
  });

  it('keeps no stroke that changed nothing', () => {
    const labels = Uint8Array.of(5, 5);
    const h = new LabelHistory(labels);
    h.begin();
    h.setAll([0, 1], 5);
    expect(h.end()).toBe(false);
    expect(h.canUndo).toBe(false);
    expect(h.undo()).toBe(false);
  });

  it('undoes several strokes in order, and a new stroke cuts the undone branch', () => {
    const labels = new Uint8Array(3);
    const h = new LabelHistory(labels);
    for (const [i, v] of [[0, 1], [1, 2], [2, 3]] as const) {
      h.begin();
      h.set(i, v);
      h.end();
    }
    h.undo();
    h.undo();
    expect([...labels]).toEqual([1, 0, 0]);
    h.begin();
    h.set(2, 9);
    h.end();
    expect(h.canRedo).toBe(false);
    expect(h.redo()).toBe(false);
    expect([...labels]).toEqual([1, 0, 9]);
    h.undo();
    h.undo();
    expect([...labels]).toEqual([0, 0, 0]);
  });

  it('undo ends an open stroke first, so it takes back what was just painted', () => {
    const labels = new Uint8Array(2);
    const h = new LabelHistory(labels);
    h.set(1, 4);
    expect(h.undo()).toBe(true);
    expect([...labels]).toEqual([0, 0]);
  });

  it('is bounded: only the last `depth` strokes can be undone', () => {
    const labels = new Uint8Array(5);
    const h = new LabelHistory(labels, 2);
    for (let i = 0; i < 5; i++) {
      h.begin();
      h.set(i, 7);
      h.end();
    }
    expect(h.sizes.undo).toBe(2);
    expect(h.undo()).toBe(true);
    expect(h.undo()).toBe(true);
    expect(h.undo()).toBe(false);
    expect([...labels]).toEqual([7, 7, 7, 0, 0]);
  });

  it('stores diffs, not the map', () => {
    const labels = new Uint8Array(10_000);
    const h = new LabelHistory(labels);
    h.begin();
    h.set(42, 1);
    h.end();
    const diff = h.last!;
    expect([...diff.indices]).toEqual([42]);
    expect(diff.before.length).toBe(1);
  });

  it('refuses a bad depth or index, naming it', () => {
    expect(() => new LabelHistory(new Uint8Array(1), 0)).toThrow(/depth must be a positive integer, got 0/);
    expect(() => new LabelHistory(new Uint8Array(4)).set(4, 1)).toThrow(/index must be an integer in 0\.\.3, got 4/);
  });
});
