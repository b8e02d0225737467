/**
 * Start/pause/resume/abort for a running `trainSteps` loop. The loop checks the controller
 * between steps, so a pause or abort takes effect after the step in flight.
 */
export type TrainingState = 'running' | 'paused' | 'aborted';

export class TrainingController {
  private current: TrainingState = 'running';
  private wake: (() => void) | null = null;

  get state(): TrainingState {
    return this.current;
  }

  pause(): void {
    if (this.current === 'running') this.current = 'paused';
  }

  resume(): void {
    if (this.current !== 'paused') return;
    this.current = 'running';
    this.release();
  }

  abort(): void {
    this.current = 'aborted';
    this.release();
  }

  /** Resolves when the loop may continue: at once when running, on resume or abort when paused. */
  async waitWhilePaused(): Promise<TrainingState> {
    while (this.current === 'paused') {
      await new Promise<void>((resolve) => {
        this.wake = resolve;
      });
    }
    return this.current;
  }

  private release(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }
}
