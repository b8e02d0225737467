/** State of the decoder side-by-side, and how it is written in the URL (`<id>.frame`, `<id>.stage`, `<id>.channel`). */
import { definedFields, intField, type StateCodec } from '../shared/url-state';
import { DEMO_FRAME_INDICES } from '../model/demo-frames';
import { layerName } from '../../segnet/core';

/** SegNet-Basic: four encoder stages of 64 channels each. */
export const STAGES = 4;
export const CHANNELS = 64;

export interface SideBySideState {
  /** Demo frame, 0-based. */
  frame: number;
  /** Encoder stage whose pooled output is upsampled, 1..4. */
  stage: number;
  /** Channel shown, 1-based as the slider shows it. */
  channel: number;
}

export const sideBySideCodec: StateCodec<SideBySideState> = {
  defaults: { frame: 0, stage: 2, channel: 1 },
  parse: (f) =>
    definedFields<SideBySideState>({
      frame: intField(f.frame, 0, DEMO_FRAME_INDICES.length - 1),
      stage: intField(f.stage, 1, STAGES),
      channel: intField(f.channel, 1, CHANNELS),
    }),
  serialize: (s) => ({ frame: String(s.frame), stage: String(s.stage), channel: String(s.channel) }),
};

/**
 * The recorded layers a stage's comparison reads: the encoder stage's pooled output and its
 * convolution's features (the map before pooling), and the SegNet decoder stage that unpools
 * with that stage's indices: its unpooled input and its output after the learnt 7x7 conv and
 * batch norm (SegNet-Basic's decoder has no ReLU).
 */
export function stageLayers(stage: number): { pool: string; features: string; decoderUnpool: string; decoderOutput: string } {
  return {
    pool: layerName('encoder', stage, 'pool'),
    features: layerName('encoder', stage, 'conv1'),
    decoderUnpool: layerName('decoder', stage, 'unpool'),
    decoderOutput: layerName('decoder', stage, 'layer1'),
  };
}
