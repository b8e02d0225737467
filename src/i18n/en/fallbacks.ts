/**
 * The alt text and caption of each model widget's precomputed figure (written into
 * public/fallbacks/manifest.json by `npm run render:fallbacks`, one set per language).
 */
const AHEAD = 'Computed ahead of time by the page’s network';

/** One class and its share of the frame, in percent. */
export interface ClassShare {
  name: string;
  percent: number;
}

export const fallbacks = {
  /** "Road 41%, Sky 22% and Building 17%". */
  shares: (parts: readonly ClassShare[]) => {
    const words = parts.map((p) => `${p.name} ${p.percent}%`);
    return words.length > 1 ? `${words.slice(0, -1).join(', ')} and ${words.at(-1)}` : (words[0] ?? 'nothing');
  },
  overlayAlt: (frame: number, opacity: number, shares: string) =>
    `Road frame ${frame} with the network’s predicted classes laid over it at ${opacity}% opacity: mostly ${shares}.`,
  overlayCaption: (frame: number, accuracy: number) =>
    `${AHEAD}: its most probable class at every pixel of road frame ${frame}. It matches the ground truth on ${accuracy}% of the labelled pixels.`,
  /** `layer` is the layer's title as the architecture explorer shows it ("Encoder stage 1 · max pooling"). */
  featureMaps: (count: number, channels: number, layer: string, height: number, width: number, frame: number) =>
    `the first ${count} of the ${channels} feature maps of “${layer}” (${height} x ${width} each) for road frame ${frame}`,
  architectureAlt: (what: string) => `Grey images of ${what}, in two rows of four: white where a channel responds most, black where least.`,
  architectureCaption: (what: string) => `${AHEAD}: ${what}, each scaled from its own minimum (black) to its maximum (white).`,
  /** A pooling layer's maps, each followed by its index map. */
  architectureIndicesAlt: (what: string) =>
    `Pictures of ${what}, in two rows: each grey map (white where the channel responds most, black where least) followed by its index map, whose colour says where in each 2 × 2 window the maximum was.`,
  architectureIndicesCaption: (what: string) =>
    `${AHEAD}: ${what}. Each grey map is scaled from its own minimum (black) to its maximum (white); beside it, its index map: where in each 2 × 2 window the maximum was, orange top left, sky blue top right, green bottom left, pink bottom right.`,
  stageAlt: (channel: number, frame: number, height: number, width: number) =>
    `Four grey images of channel ${channel} of encoder stage 1 on road frame ${frame}, left to right: after the 7 × 7 convolution, after batch norm (${height} x ${width}, black lowest, white highest), after ReLU and after 2 × 2 max pooling (black zero, white largest).`,
  stageCaption: (channel: number, frame: number, zero: number) =>
    `${AHEAD}: channel ${channel} of encoder stage 1 on road frame ${frame} after convolution, batch norm, ReLU (${zero}% of the map becomes zero) and max pooling.`,
  channelOf: (channel: number, stage: number, frame: number) => `channel ${channel} of encoder stage ${stage} on road frame ${frame}`,
  /** The decoder side-by-side's panels, by key. */
  panels: {
    reference: 'before pooling',
    pooled: 'pooled',
    unpool: 'unpooling with indices',
    transposed: 'transposed convolution',
    bilinear: 'bilinear interpolation',
    'segnet-input': 'the trained SegNet decoder’s own unpooled map at this stage',
    'segnet-output': 'that stage’s output after its learnt 7×7 convolution and batch norm',
  },
  sideBySideAlt: (what: string, height: number, width: number, panels: readonly string[]) =>
    `Six heat maps of ${what}, ${height} x ${width} each, in two rows of three, left to right: ${panels.join('; ')}. Yellow is strong, dark blue weak; the last two have their own scale.`,
  sideBySideCaption: (what: string, methods: readonly string[]) =>
    `${AHEAD}: ${what} before pooling, then pooled and brought back by ${methods.slice(0, 3).join(', ')}; below, ${methods.slice(3).join(', and ')} (left to right, top to bottom).`,
  /** `tolerance` in pixels, already formatted. */
  boundaryAlt: (frame: number, tolerance: string) =>
    `Road frame ${frame}, dimmed, twice: left, the true class boundaries; right, the network’s predicted boundaries. Blue boundary pixels lie within ${tolerance} pixels of a boundary in the other map, orange ones do not.`,
  boundaryCaption: (frame: number, score: string, value: string) => `${AHEAD}: boundaries of the true and predicted label maps of road frame ${frame}. ${score}: ${value}.`,
  provenanceAlt: (frame: number, row: number, col: number, sizes: readonly number[], deeplab: number) =>
    `Road frame ${frame} twice. Left, with the network’s labels, pixel (row ${row}, column ${col}) inside nested squares: the receptive fields of the encoder units it descends from, ${sizes.join(', ')} pixels wide, clipped at the border. Right, the photograph with DeepLab-LargeFOV’s ${deeplab}-pixel field for the same pixel (cyan) around SegNet-Basic’s deepest (magenta).`,
  provenanceCaption: (frame: number, row: number, col: number, sizes: readonly number[], deeplab: number, channel: number, kept: number) =>
    `${AHEAD}: where pixel (row ${row}, column ${col}) of road frame ${frame} came back from. SegNet-Basic’s encoder fields around it are ${sizes.join(', ')} pixels wide; DeepLab-LargeFOV’s is ${deeplab}. Following channel ${channel}, ${kept} of the 4 unpoolings put the value back at the pixel’s own position.`,
  /** `scores` lists each decoder as "SegNet (indices) mIoU 52.5, BF 54.6". */
  galleryAlt: (frame: number, names: readonly string[]) =>
    `Road frame ${frame} of the synthetic validation set, then its ground truth, then the label maps of ${names.join(', ')}, in rows of four.`,
  galleryCaption: (frame: number, scores: readonly string[]) =>
    `Computed ahead of time by the trained decoders on one shared SegNet-Basic encoder: road frame ${frame}, its ground truth and each decoder's labels (${scores.join('; ')}).`,
  galleryScore: (name: string, miou: string, bf: string) => `${name} mIoU ${miou}, BF ${bf}`,
};
