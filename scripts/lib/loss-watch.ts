/**
 * The exploding-loss rule of the train CLI. A step's loss explodes when it is more than
 * EXPLOSION_FACTOR (10) times the median of the last EXPLOSION_WINDOW (50) accepted losses,
 * once at least EXPLOSION_MIN_HISTORY (10) have been seen. The median (not the mean) keeps one
 * earlier spike from raising the bar; the 10-step warm-up lets the first, noisy losses settle.
 * A NaN or infinite loss is caught before this rule, by trainSteps (NonFiniteLossError).
 */

export const EXPLOSION_FACTOR = 10;
export const EXPLOSION_WINDOW = 50;
export const EXPLOSION_MIN_HISTORY = 10;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export class LossWatch {
  private readonly window: number[];

  /** @param history earlier losses of the same run, oldest first (for a resumed run). */
  constructor(history: readonly number[] = []) {
    this.window = history.filter(Number.isFinite).slice(-EXPLOSION_WINDOW);
  }

  /** Null when `loss` is acceptable (it then joins the window), else why it is not. */
  check(loss: number): string | null {
    if (!Number.isFinite(loss)) return `the loss is ${loss}`;
    if (this.window.length >= EXPLOSION_MIN_HISTORY) {
      const m = median(this.window);
      if (loss > EXPLOSION_FACTOR * m) {
        return `the loss ${loss.toPrecision(4)} is more than ${EXPLOSION_FACTOR}x the median ${m.toPrecision(4)} of the last ${this.window.length} steps (exploding)`;
      }
    }
    this.window.push(loss);
    if (this.window.length > EXPLOSION_WINDOW) this.window.shift();
    return null;
  }
}
