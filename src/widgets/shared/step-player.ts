/**
 * A step counter with play and pause, for widgets that walk through an algorithm one step at a
 * time. Steps run from 0 (nothing done yet) to `last` (everything done). Playing advances one
 * step per interval and stops at the end; there is no tweening between steps, so a reader who
 * prefers reduced motion sees the same jumps as everyone else.
 */
export interface StepPlayerOptions {
  /** Index of the final step (0 means a single state). */
  last: number;
  /** Starting step, clamped to [0, last]. */
  step?: number;
  /** Milliseconds between steps while playing. */
  intervalMs?: number;
  /** Called after every change of step or of playing. */
  onChange: (step: number, playing: boolean) => void;
}

export class StepPlayer {
  #step: number;
  #last: number;
  #timer: ReturnType<typeof setInterval> | null = null;
  readonly #intervalMs: number;
  readonly #onChange: (step: number, playing: boolean) => void;

  constructor(options: StepPlayerOptions) {
    if (!Number.isInteger(options.last) || options.last < 0) {
      throw new Error(`StepPlayer: last must be a non-negative integer, got ${options.last}`);
    }
    this.#last = options.last;
    this.#step = clamp(options.step ?? 0, 0, options.last);
    this.#intervalMs = options.intervalMs ?? 700;
    this.#onChange = options.onChange;
  }

  get step(): number {
    return this.#step;
  }

  get last(): number {
    return this.#last;
  }

  get playing(): boolean {
    return this.#timer !== null;
  }

  /** Go to a step (clamped); does not stop playing. */
  seek(step: number): void {
    this.#step = clamp(Math.round(step), 0, this.#last);
    this.#notify();
  }

  next(): void {
    this.seek(this.#step + 1);
  }

  previous(): void {
    this.seek(this.#step - 1);
  }

  /** Change the number of steps (the widget's input changed); keeps the step where it fits. */
  setLast(last: number, step = this.#step): void {
    this.#last = Math.max(0, Math.floor(last));
    this.#step = clamp(step, 0, this.#last);
    if (this.#step === this.#last) this.#stopTimer();
    this.#notify();
  }

  /** Start advancing; from the final step, start over from 0. */
  play(): void {
    if (this.playing) return;
    if (this.#step >= this.#last) this.#step = 0;
    this.#timer = setInterval(() => {
      this.#step = Math.min(this.#step + 1, this.#last);
      if (this.#step >= this.#last) this.#stopTimer();
      this.#notify();
    }, this.#intervalMs);
    this.#notify();
  }

  pause(): void {
    if (!this.playing) return;
    this.#stopTimer();
    this.#notify();
  }

  toggle(): void {
    if (this.playing) this.pause();
    else this.play();
  }

  /** Stop the timer for good (the widget left the page). */
  dispose(): void {
    this.#stopTimer();
  }

  #stopTimer(): void {
    if (this.#timer !== null) clearInterval(this.#timer);
    this.#timer = null;
  }

  #notify(): void {
    this.#onChange(this.#step, this.playing);
  }
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, n));
}
