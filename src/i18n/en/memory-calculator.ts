/** The memory calculator (chapter 5): controls, chart and table words, the caption, input problems. */
import { DECODER_LABELS } from '../../segnet/labels';

type Side = 'height' | 'width';

export const memoryCalculator = {
  loading: 'Loading the memory report…',
  loadFailed: (error: string) => `The memory report could not be loaded: ${error}`,
  height: 'Height (px)',
  width: 'Width (px)',
  encoder: 'Encoder',
  vggWidth: 'VGG16 width',
  /** The decoders, by the paper's names. */
  decoderNames: DECODER_LABELS,
  /** What each decoder keeps from the encoder (src/segnet's memoryReport says the same, in English). */
  keeps: {
    segnet: 'max-pooling indices, 2 bits per window',
    fcn: 'one K-channel float map per skip connection',
    'deeplab-largefov': 'nothing: no skip connections',
    deconvnet: 'max-pooling indices, 2 bits per window',
    bilinear: 'nothing: no skip connections',
  },
  basicEncoder: 'SegNet-Basic encoder',
  vggEncoder: (multiplier: number) => `VGG16 encoder × ${multiplier}`,
  title: (encoder: string, height: number, width: number) => `${encoder}, ${height} × ${width} input, one image`,
  /** The chart's bars: who keeps it, and what. */
  bars: {
    indices: { label: 'SegNet, DeconvNet', what: 'indices, 2 bits each' },
    held: { label: 'SegNet, as held', what: 'indices, one int32 each' },
    fcn: { label: 'FCN', what: 'skip score maps, float32' },
    encoder: { label: 'Encoder addition', what: 'feature maps, float32' },
  },
  chartTitle: 'Kept from the encoder for the decoder (log scale)',
  chartTitleNarrow: 'Kept for the decoder (log scale)',
  /** `bars`: "label bytes (× relative)" of each bar. */
  chartLabel: (bars: string[]) => `Bytes kept from the encoder, log scale: ${bars.join('; ')}`,
  /** What a bar keeps, after its label when the chart is narrow. */
  whatAfterLabel: (what: string) => `: ${what}`,
  /** Counts arrive formatted ("918,240"). */
  sentence: (s: { title: string; indexBytes: string; heldBytes: string; first: number; second: number }) =>
    `${s.title}: SegNet’s indices take ${s.indexBytes} bytes at 2 bits per window, ` +
    `${s.heldBytes} bytes as this engine holds them (one int32 per window). ` +
    `Keeping every encoder feature map instead would take ${s.first} times the first, ` +
    `${s.second} times the second.`,
  note: (keepNothing: string[]) =>
    `${keepNothing.join(' and ')} keep nothing: they upsample the encoder's last map on its own. ` +
    `DeconvNet here leaves out the original's fully connected bottleneck, so it keeps SegNet's indices and has exactly SegNet's parameters.`,
  tableCaption: (c: { title: string; windows: string; bytes: string; heldBytes: string }) =>
    `Per decoder: ${c.title}. SegNet's ${c.windows} windows need ${c.bytes} bytes at 2 bits each, ${c.heldBytes} bytes as this engine holds them (one int32 each). Activations count every layer's output of one forward pass, float32.`,
  columns: {
    decoder: 'Decoder',
    keeps: 'Keeps from the encoder',
    bytes: 'Bytes kept',
    relative: 'vs indices',
    parameters: 'Parameters',
    activations: 'Activations, forward pass',
  },
  /** Why a typed height or width is not used. */
  side: {
    names: { height: 'height', width: 'width' } as Record<Side, string>,
    empty: (side: string) => `An empty ${side}`,
    value: (side: string, raw: string) => `A ${side} of ${raw}`,
    notWhole: 'it must be a whole number of pixels',
    tooSmall: (side: string, min: number) => `VGG16 pools five times, so the ${side} must be at least ${min} pixels`,
    tooLarge: (max: number) => `the calculator stops at ${max} pixels`,
    problem: (subject: string, why: string, current: number) => `${subject} is not used: ${why}. Still showing ${current}.`,
  },
};
