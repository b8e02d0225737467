/** The sentence under the frame: what the colours are, and how well the network agrees. */
import type { OverlayLayer } from './state';

export interface CaptionFacts {
  show: OverlayLayer;
  opacity: number;
  /** Share of labelled pixels the network gets right; null while there is no prediction. */
  accuracy: number | null;
}

export function overlayCaption(facts: CaptionFacts): string {
  if (facts.show === 'truth') {
    // The demo frames are synthetic (DEMO_DATASET): their labels were drawn by the scene
    // generator, not by annotators.
    return `Ground truth: the class the scene generator drew at every pixel, laid over the frame at ${facts.opacity}% opacity. Striped pixels are void, left unlabelled as CamVid leaves them.`;
  }
  if (facts.accuracy === null) return 'The network’s prediction appears here once it has run.';
  const pct = Number.isNaN(facts.accuracy) ? 'none' : `${Math.round(facts.accuracy * 100)}%`;
  return `The network’s prediction: at every pixel, the class it finds most probable. It matches the ground truth on ${pct} of the labelled pixels.`;
}

/** Accessible name of the frame. */
export function sceneLabel(frame: number, show: OverlayLayer, hasLabels: boolean): string {
  if (!hasLabels) return `Road frame ${frame + 1}`;
  return `Road frame ${frame + 1} coloured by ${show === 'truth' ? 'its ground-truth labels' : 'the network’s predicted labels'}`;
}
