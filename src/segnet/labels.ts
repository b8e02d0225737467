/**
 * How the project names its networks to readers, one table for every widget, CLI and file:
 * the decoders by the names the SegNet paper gives them.
 */
import type { DecoderKind, EncoderKind } from './types';

/** The paper's names of the decoders ("Bilinear-Interpolation" is its Table 1 row). */
export const DECODER_LABELS: Readonly<Record<DecoderKind, string>> = Object.freeze({
  segnet: 'SegNet',
  fcn: 'FCN',
  'deeplab-largefov': 'DeepLab-LargeFOV',
  deconvnet: 'DeconvNet',
  bilinear: 'Bilinear-Interpolation',
});

/** "SegNet-Basic", "VGG16" or, at a width other than 1, "VGG16 × 0.25". */
export function encoderLabel(encoder: EncoderKind, widthMultiplier = 1): string {
  if (encoder === 'basic') return 'SegNet-Basic';
  return widthMultiplier === 1 ? 'VGG16' : `VGG16 × ${widthMultiplier}`;
}
