/**
 * Undo and redo of label edits (pure). The label map is edited in place; each stroke (a brush
 * drag, a fill) is kept as a diff: the pixels it changed, with their values before and after,
 * never a copy of the whole map. A new stroke after an undo drops the strokes that were undone
 * (the branch is cut); at most `depth` strokes are kept, the oldest going first.
 */

/** One stroke's changes: pixel indices, with the label before and after. */
export interface StrokeDiff {
  indices: Uint32Array;
  before: Uint8Array;
  after: Uint8Array;
}

/** Strokes kept for undo unless told otherwise. */
export const DEFAULT_DEPTH = 100;

export class LabelHistory {
  private readonly undone: StrokeDiff[] = [];
  private readonly done: StrokeDiff[] = [];
  /** Pixels changed by the stroke under way, with their value before it. */
  private open: Map<number, number> | null = null;

  /**
   * @param labels the label map, edited in place by `set`, `undo` and `redo`.
   * @param depth how many strokes can be undone (a positive integer).
   */
  constructor(
    readonly labels: Uint8Array,
    readonly depth = DEFAULT_DEPTH,
  ) {
    if (!Number.isInteger(depth) || depth < 1) throw new Error(`LabelHistory: depth must be a positive integer, got ${depth}`);
  }

  /** Starts a stroke (ending any open one). */
  begin(): void {
    this.end();
    this.open = new Map();
  }

  /** Sets pixel `index` to `label` within the open stroke (one is begun if none is open). */
  set(index: number, label: number): void {
    if (!Number.isInteger(index) || index < 0 || index >= this.labels.length) {
      throw new Error(`LabelHistory.set: index must be an integer in 0..${this.labels.length - 1}, got ${index}`);
    }
    this.open ??= new Map();
    if (!this.open.has(index)) this.open.set(index, this.labels[index]!);
    this.labels[index] = label;
  }

  /** Sets every pixel of `indices` to `label` within the open stroke. */
  setAll(indices: Iterable<number>, label: number): void {
    for (const i of indices) this.set(i, label);
  }

  /** Ends the open stroke; returns whether it changed any pixel (and so can be undone). */
  end(): boolean {
    const open = this.open;
    this.open = null;
    if (!open) return false;
    const changed = [...open].filter(([i, before]) => this.labels[i] !== before).sort((a, b) => a[0] - b[0]);
    if (changed.length === 0) return false;
    this.done.push({
      indices: Uint32Array.from(changed, ([i]) => i),
      before: Uint8Array.from(changed, ([, b]) => b),
      after: Uint8Array.from(changed, ([i]) => this.labels[i]!),
    });
    if (this.done.length > this.depth) this.done.shift();
    this.undone.length = 0;
    return true;
  }

  get canUndo(): boolean {
    return this.done.length > 0 || this.open !== null;
  }

  get canRedo(): boolean {
    return this.undone.length > 0;
  }

  /** Strokes that can be undone, and redone. */
  get sizes(): { undo: number; redo: number } {
    return { undo: this.done.length, redo: this.undone.length };
  }

  /** The last stroke kept (what `undo` would take back), if any. */
  get last(): StrokeDiff | undefined {
    return this.done.at(-1);
  }

  /** Takes back the last stroke; false when there is none. */
  undo(): boolean {
    this.end();
    const diff = this.done.pop();
    if (!diff) return false;
    diff.indices.forEach((i, k) => (this.labels[i] = diff.before[k]!));
    this.undone.push(diff);
    return true;
  }

  /** Puts back the last stroke undone; false when there is none. */
  redo(): boolean {
    this.end();
    const diff = this.undone.pop();
    if (!diff) return false;
    diff.indices.forEach((i, k) => (this.labels[i] = diff.after[k]!));
    this.done.push(diff);
    return true;
  }
}
