/**
 * The architecture explorer (chapter 3): layer titles and operations (written into the page at
 * build time), the diagram, the layer panel, feature-map captions, the parameter table.
 */
import { labelOverlay } from './label-overlay';

type Part = 'encoder' | 'decoder';
const PART = { encoder: 'Encoder', decoder: 'Decoder' };

export const architectureExplorer = {
  network: 'Network',
  basicChoice: (height: number, width: number) => `SegNet-Basic (runs here, ${height} × ${width})`,
  vggChoice: (height: number, width: number) => `SegNet with VGG16’s encoder (paper, ${height} × ${width})`,
  networkNames: { basic: 'SegNet-Basic', vgg16: 'SegNet (VGG16 encoder)' },
  parts: PART,
  convTitle: (part: Part, stage: number, index: number) => `${PART[part]} stage ${stage} · convolution ${index}`,
  poolTitle: (stage: number) => `Encoder stage ${stage} · max pooling`,
  unpoolTitle: (stage: number) => `Decoder stage ${stage} · unpooling`,
  /** Short names written under the diagram's blocks, each followed by the layer's output size. */
  convShort: (part: Part, stage: number, index: number) => `${part === 'encoder' ? 'conv' : 'dec'} ${stage}.${index}`,
  poolShort: (stage: number) => `pool ${stage}`,
  unpoolShort: (stage: number) => `unpool ${stage}`,
  inputShort: 'input',
  classifierShort: 'classifier',
  inputTitle: 'Input frame',
  classifierTitle: 'Pixel-wise classifier',
  inputBasic: 'RGB pixels, local response normalisation across channels',
  inputVgg: 'RGB pixels scaled to [−1, 1]',
  conv: (k: number, cin: number, cout: number, relu: boolean) =>
    `${k}×${k} convolution, ${cin} → ${cout} channels, batch norm${relu ? ', ReLU' : ''}`,
  pool: '2×2 max pooling, stride 2, keeping the position of each maximum',
  unpool: (stage: number) => `upsampling ×2 with the pooling indices of encoder stage ${stage}`,
  classifier: (k: number, cin: number, classes: number) =>
    `${k}×${k} convolution, ${cin} → ${classes} class scores per pixel, then softmax`,
  /** `count` arrives formatted ("36,928"). */
  parameters: (count: string | null) => (count === null ? 'no parameters' : `${count} parameters`),
  summary: (title: string, operation: string, shape: string, parameters: string) => `${title}: ${operation}. Output ${shape}; ${parameters}.`,
  diagram: (network: string) => `Diagram of ${network}: layers from input to classifier; arcs carry the pooling indices`,
  layersOf: (network: string) => `Layers of ${network}`,
  arcLabel: 'pooling indices',
  /** What the diagram's colours mean. */
  kinds: {
    input: 'input',
    conv: 'conv + batch norm + ReLU',
    pool: 'max pooling (keeps indices)',
    unpool: 'unpooling with indices',
    'decoder-conv': 'decoder conv + batch norm',
    classifier: 'classifier + softmax',
  },
  selectedLayer: (title: string) => `Selected layer: ${title}`,
  operation: 'Operation',
  output: 'Output',
  outputShape: (shape: string, sizeNote: string) => `${shape} (height × width × channels) ${sizeNote}`,
  parametersHeading: 'Parameters',
  none: 'none',
  sizeBasic: (height: number, width: number) => `for a ${height} × ${width} frame`,
  sizeVgg: (height: number, width: number) => `for the paper’s ${height} × ${width} frames`,
  /** Where in its 2 × 2 window a maximum was, by index 0..3. */
  maximumAt: ['maximum top left', 'maximum top right', 'maximum bottom left', 'maximum bottom right'],
  vggOnly:
    'This page runs SegNet-Basic: choose it above to see the feature maps. The VGG16 network is drawn and counted from its layer shapes alone, without building its 29 million parameters.',
  loadingFrames: 'Loading the road frames…',
  modelWanted: 'Feature maps appear once the network has run (see below).',
  running: 'Running the network on this frame…',
  failed: (error: string) => `The network failed: ${error}`,
  /** The row of small maps: each is a button that shows its map large. */
  mapChoices: 'Choose a map to see it large',
  showLarge: (label: string, height: number, width: number) => `${label} (${height} × ${width}): show large`,
  large: (label: string, height: number, width: number) => `${label}, enlarged: ${height} × ${width}, one square per value`,
  /** Percentages arrive rounded. Pooling: why most index cells say top left. */
  poolWindows: (zeroPercent: number, channels: number, topLeftPercent: number) =>
    ` In ${zeroPercent}% of the 2×2 windows (all ${channels} channels) all four values are zero after ReLU: the maximum is a tie, and a tie goes to the first position, top left. ` +
    `That is why ${topLeftPercent}% of the index cells are top left.`,
  channelWindows: (label: string, zeroPercent: number, topLeftPercent: number) =>
    `${label}: ${zeroPercent}% of its 2×2 windows are all zero; ${topLeftPercent}% of its indices point top left.`,
  /** Tile labels. */
  channel: (n: number) => `channel ${n}`,
  itsIndices: 'its indices',
  classNames: labelOverlay.classNames,
  classFallback: (n: number) => `class ${n}`,
  colour: 'colour',
  rgb: ['red', 'green', 'blue'],
  /** Captions over the tiles; `frame` is 1-based. */
  inputCaption: (frame: number) => `The frame on frame ${frame} and its three colour channels, the network’s input.`,
  classifierCaption: (frame: number, classes: number) =>
    `One score map per class on frame ${frame}, each map scaled from its own minimum (black) to maximum (white); the softmax turns the ${classes} scores of each pixel into probabilities.`,
  channelsCaption: (shown: number, channels: number, frame: number) =>
    `Channels 1–${shown} of ${channels} on frame ${frame}, each map scaled from its own minimum (black) to maximum (white).`,
  poolCaption: (shown: number, channels: number, frame: number) =>
    `Channels 1–${shown} of ${channels} on frame ${frame}, each map scaled from its own minimum (black) to maximum (white), each beside its index map: the colour says where in its 2×2 window the maximum was.`,
  unpoolCaption: (shown: number, channels: number, frame: number, zeros: number) =>
    `Channels 1–${shown} of ${channels} on frame ${frame}, each map showing the size of its values from zero (black) to its largest (white). ${zeros}% of the values are zero: each window got back only its maximum.`,
  table: {
    caption: 'Learnt parameters (millions): counted here from the layer shapes, and as the SegNet paper reports them',
    here: 'here',
    paper: 'paper',
    encoder: 'Encoder',
    decoder: 'Decoder + classifier',
    total: 'Total',
  },
};
