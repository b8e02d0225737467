/** The decoder side-by-side (chapter 5): controls, the maps, their scores, the caption. */
export const decoderSideBySide = {
  stage: 'Encoder stage',
  stageOption: (stage: number, height: number, width: number, pooledHeight: number, pooledWidth: number) =>
    `${stage} (${height} × ${width} → pooled ${pooledHeight} × ${pooledWidth})`,
  channel: 'Channel',
  mostVaried: 'Most varied channel',
  waiting: 'The comparison runs on the network’s own encoder features: it appears once the network has run.',
  upsampling: 'Upsampling…',
  failed: (error: string) => `The network failed: ${error}`,
  /** Each map's title and what it is, in a few words. */
  panels: {
    reference: { title: 'Before pooling', note: 'the encoder’s map, the one to get back' },
    pooled: { title: 'Pooled', note: 'what reaches the decoder' },
    unpool: { title: 'Unpooling with indices', note: 'SegNet: each maximum back in its place, zeros elsewhere; no parameters' },
    transposed: { title: 'Transposed convolution', note: 'FCN: 4×4 kernel, stride 2, initialised bilinear (then learnt)' },
    bilinear: { title: 'Bilinear interpolation', note: 'fixed weights from the four nearest values; no parameters' },
  },
  /** The trained decoders' own stages, by decoder: titles, notes and the caption's sentence. */
  learnt: {
    segnet: {
      input: {
        title: 'SegNet decoder: unpooled',
        note: 'the trained decoder’s own input to this stage, unpooled with the same indices: still sparse. Its channels are the decoder’s features, not the encoder’s',
      },
      output: {
        title: 'SegNet decoder: after 7×7 conv and BN',
        note: 'the stage’s output: each value a learnt mix of 7×7 positions of all 64 unpooled channels, then batch norm. What the next stage receives',
      },
      sentence: (stage: number, zerosIn: string, zerosOut: string) =>
        `The trained SegNet decoder’s stage ${stage} receives its unpooled map (${zerosIn} zeros) and outputs, after its learnt 7 × 7 convolution and batch norm, a dense map (${zerosOut} zeros): the sparse map is an intermediate, not the decoder’s output. Its channels are features of their own, so error and maxima in place are not measured on them.`,
    },
  },
  heatMap: (title: string, height: number, width: number) => `${title}, ${height} × ${width} heat map`,
  colourScale: 'colour scale',
  error: 'Error',
  inPlace: 'Maxima in place',
  zeros: 'Zeros',
  constant: (channel: number, stage: number) =>
    `Channel ${channel} of stage ${stage} is constant on this frame (a unit the ReLU switched off), so there is nothing to compare: try another channel.`,
  /** `value`: "0.12" or "45%" */
  methodScore: (title: string, value: string) => `${title.toLowerCase()} ${value}`,
  errorDefined: (scores: string[]) =>
    `Error is the root-mean-square difference from the map before pooling, as a share of that map’s range (0 is a perfect copy): ${scores.join(', ')}.`,
  inPlaceDefined: (scores: string[]) =>
    `Maxima in place is the share of 2 × 2 pooling windows whose largest value sits where the maximum was before pooling: ${scores.join(', ')}.`,
  /** The caption's sentences, joined. */
  sentences: (parts: string[]) => parts.join(' '),
  zerosDefined: (scores: string[]) => `Zeros is the share of values that are exactly 0: ${scores.join(', ')}.`,
};
