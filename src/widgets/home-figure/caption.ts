/** The live home figure's words, from the page's catalogue (pure: unit-tested in both languages). */
import type { Messages } from '../../i18n';

export interface LiveFrame {
  /** 0-based position among the demo frames, and how many there are. */
  index: number;
  count: number;
  /** Share of labelled pixels where the prediction matches the ground truth, 0..1. */
  accuracy: number;
  backend: string;
  /** Milliseconds the forward pass took. */
  ms: number;
}

export function liveCaption(t: Messages['homeFigure'], f: LiveFrame): string {
  return t.live(f.index + 1, f.count, Math.round(f.accuracy * 100), f.backend, Math.round(f.ms));
}

export function liveAlt(t: Messages['homeFigure'], f: LiveFrame): string {
  return t.alt(f.index + 1);
}
