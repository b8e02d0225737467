import type { DecoderKind } from '../types';
import type { Decoder, DecoderSpec } from './decoder';
import { BilinearDecoder } from './bilinear-decoder';
import { DeepLabDecoder } from './deeplab-decoder';
import { FcnDecoder } from './fcn-decoder';
import { deconvnetDecoder, segnetDecoder } from './unpooling-decoder';

export type { Decoder, DecodeContext, DecoderSpec } from './decoder';
export { bilinearUpsamplingFilter } from './fcn-decoder';
export { mirroredStage } from './mirror';

/** Builds the decoder of a kind for an encoder plan. */
export function createDecoder(kind: DecoderKind, spec: DecoderSpec): Decoder {
  switch (kind) {
    case 'segnet':
      return segnetDecoder(spec);
    case 'deconvnet':
      return deconvnetDecoder(spec);
    case 'fcn':
      return new FcnDecoder(spec);
    case 'deeplab-largefov':
      return new DeepLabDecoder(spec);
    case 'bilinear':
      return new BilinearDecoder(spec);
  }
}
