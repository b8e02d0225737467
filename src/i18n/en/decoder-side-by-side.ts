/** The decoder side-by-side (chapter 5): controls, the five maps, their scores, the caption. */
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
  heatMap: (title: string, height: number, width: number) => `${title}, ${height} × ${width} heat map`,
  colourScale: 'colour scale',
  edgeEnergy: 'Edge energy',
  error: 'Error',
  zeros: 'Zeros',
  constant: (channel: number, stage: number) =>
    `Channel ${channel} of stage ${stage} is constant on this frame (a unit the ReLU switched off), so there is nothing to compare: try another channel.`,
  /** `ratio`: "1.23" */
  methodScore: (title: string, ratio: string) => `${title.toLowerCase()} ${ratio}×`,
  comparison: (scores: string[]) => `Edge energy relative to the map before pooling: ${scores.join(', ')}.`,
};
