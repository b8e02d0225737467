/**
 * The shape of a mirrored decoder (SegNet, DeconvNet), without TF.js, so that pages can draw
 * the network at build time or in a light bundle.
 */
import type { EncoderPlan } from '../plan';

/** Conv specs of decoder stage s: the mirror of encoder stage s, ending in the previous stage's channels. */
export function mirroredStage(plan: EncoderPlan, s: number): { cin: number; cout: number }[] {
  // VGG16: the first stage's last conv is the classifier itself (conv1_1_D in the tutorial).
  const n = plan.kind === 'basic' ? 1 : plan.stages[s]!.length - (s === 0 ? 1 : 0);
  const c = plan.channels[s]!;
  const last = s === 0 ? plan.channels[0]! : plan.channels[s - 1]!;
  return Array.from({ length: n }, (_, i) => ({ cin: c, cout: i === n - 1 ? last : c }));
}
