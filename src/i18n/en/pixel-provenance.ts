/** The pixel-provenance widget (chapter 5): controls, panel titles and the captions with their numbers. */
const POSITIONS = ['top left', 'top right', 'bottom left', 'bottom right'];

/** Numbers arrive formatted. */
export const pixelProvenance = {
  positions: POSITIONS,
  /** The caption's sentences, run together. */
  joinSentences: (parts: readonly string[]) => parts.join(' '),
  channel: 'Channel followed',
  channelAuto: 'largest at the pixel',
  segnetTitle: 'SegNet-Basic: its labels, the pixel’s fields',
  deeplabTitle: 'DeepLab-LargeFOV: the same pixel’s field',
  frameHelp: (row: number, col: number) =>
    `Road frame with the network’s labels; the followed pixel is at row ${row}, column ${col}. Click a pixel, or move the cursor with the arrow keys (Shift: 8 pixels) and press Enter, to follow it.`,
  cursorAt: (row: number, col: number) => `Cursor at row ${row}, column ${col}: press Enter to follow this pixel.`,
  fields: (row: number, col: number, sizes: string[], clipped: string) =>
    `Pixel (row ${row}, column ${col}) descends from one unit of each encoder stage’s pooled map; their receptive fields are ${sizes.join(', ')} pixels square (stages 1 to 4, nested squares). The deepest, ${clipped} inside this frame, reaches past its border.`,
  fieldsInside: (row: number, col: number, sizes: string[], clipped: string) =>
    `Pixel (row ${row}, column ${col}) descends from one unit of each encoder stage’s pooled map; their receptive fields are ${sizes.join(', ')} pixels square (stages 1 to 4, nested squares); the deepest covers ${clipped} of this frame.`,
  deeplab: (size: number, stride: number, clipped: string) =>
    `Under DeepLab-LargeFOV on the same encoder, the class score this pixel is resized from (one unit every ${stride} pixels) sees ${size} × ${size} pixels: ${clipped} of this frame. Its field is wider than SegNet-Basic’s deepest, with no indices to bring detail back.`,
  chainTitle: (stage: number) => `Stage ${stage}`,
  fieldKey: (stage: number, size: number) => `stage ${stage}: ${size} px`,
  deeplabKey: (size: number) => `DeepLab-LargeFOV: ${size} px`,
  deepestKey: 'SegNet-Basic’s deepest (dashed)',
  windowLabel: (stage: number, recorded: string, own: string) =>
    `Stage ${stage}’s 2 × 2 window: the encoder kept the ${recorded} value; the pixel lies in the ${own} cell`,
  chainIntro: (channel: number, auto: boolean) =>
    auto
      ? `The chain of argmax positions through the four unpoolings, deepest first, for channel ${channel} (the largest at this pixel in the deepest pooled map):`
      : `The chain of argmax positions through the four unpoolings, deepest first, for channel ${channel}:`,
  kept: (stage: number, position: string, value: string) =>
    `stage ${stage}: kept at the pixel’s own ${position} position (value ${value})`,
  zero: (stage: number, recorded: string, own: string, value: string) =>
    `stage ${stage}: the encoder kept ${recorded} (value ${value}); the pixel’s ${own} position gets a 0 that the next convolution fills`,
  allZero: (stage: number, own: string) =>
    `stage ${stage}: the window was all zeros after ReLU, so the kept value is 0 and the pixel’s ${own} position is 0 either way`,
  keptCount: (kept: number) =>
    kept === 4
      ? 'Every unpooling put the value back at this pixel’s own position.'
      : kept === 0
        ? 'No unpooling put the value at this pixel’s own position: what it shows comes from the decoder’s convolutions filling zeros.'
        : `${kept} of 4 unpoolings put the value at this pixel’s own position.`,
  waiting: 'The fields and the chain appear once the network has run on the frame (see below).',
  running: 'Running the network on this frame…',
  failed: (error: string) => `The network failed: ${error}`,
};
