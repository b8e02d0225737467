/** The sentence under the frame: what the colours are, and how well the network agrees. */
import { messages, type Messages } from '../../i18n';
import type { OverlayLayer } from './state';

type Words = Messages['labelOverlay'];
const ENGLISH: Words = messages('en').labelOverlay;

export interface CaptionFacts {
  show: OverlayLayer;
  opacity: number;
  /** Share of labelled pixels the network gets right; null while there is no prediction. */
  accuracy: number | null;
}

export function overlayCaption(facts: CaptionFacts, t: Words = ENGLISH): string {
  if (facts.show === 'truth') {
    // The demo frames are synthetic (DEMO_DATASET): their labels were drawn by the scene
    // generator, not by annotators.
    return t.truthCaption(facts.opacity);
  }
  if (facts.accuracy === null) return t.predictionPending;
  return t.predictionCaption(Number.isNaN(facts.accuracy) ? null : `${Math.round(facts.accuracy * 100)}%`);
}

/** Accessible name of the frame. */
export function sceneLabel(frame: number, show: OverlayLayer, hasLabels: boolean, t: Words = ENGLISH): string {
  return hasLabels ? t.frameColoured(frame + 1, show === 'truth') : t.frame(frame + 1);
}
