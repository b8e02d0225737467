/** The encoder-stage stepper (chapter 4): controls, panel titles, the step captions and the probe. */
const STEP_NAMES = ['input', 'convolution', 'batch norm', 'ReLU', 'max pooling'];

/** Numbers arrive formatted. */
export const encoderStageStepper = {
  player: 'Steps of the encoder stage',
  channel: 'Channel',
  patchColumn: 'Patch column',
  patchRow: 'Patch row',
  stepNames: STEP_NAMES,
  mapTitle: (step: number, channel: number) => (step === 0 ? 'Input frame' : `Channel ${channel} after ${STEP_NAMES[step]}`),
  mapLabel: (title: string, height: number, width: number, x: number, y: number) =>
    `${title} (${height} × ${width}); the outline marks the 8 × 8 patch at column ${x}, row ${y}`,
  patchTitle: (step: number) => (step === 0 ? 'Patch, in colour' : step === 4 ? 'Patch after ReLU, maxima marked' : `Patch after ${STEP_NAMES[step]}`),
  patchLabel: (title: string) => `${title}: point at a cell, or focus it and use the arrow keys, to read its value through the stage`,
  pooledTitle: 'Pooled patch',
  input: (height: number, width: number, channel: number) =>
    `Step 0 of 4: the frame, ${height} × ${width} pixels in three colour channels. The first encoder stage turns it into 64 maps; this follows channel ${channel}.`,
  conv: (channel: number, min: string, max: string, mean: string) =>
    `Step 1 of 4: a 7 × 7 convolution over the three colour channels (147 weights and a bias) gives channel ${channel} before batch norm: values from ${min} to ${max}, mean ${mean}.`,
  /** `low`..`high`: where a step-1 value the patch rounds to 0 (within ±0.005) lands after batch norm. */
  bn: (scale: string, shift: string, negative: number, low: string, high: string) =>
    `Step 2 of 4: batch norm, with the statistics and scale learnt in training, multiplies every value by ${scale} and adds ${shift}. ${negative}% of the map is now negative. ` +
    `(The patch rounds to two decimals: a 0 of step 1 lies within ±0.005, so here it becomes anything from ${low} to ${high}.)`,
  relu: (zero: number) => `Step 3 of 4: ReLU sets every negative value to 0, so ${zero}% of the map becomes 0; the rest passes unchanged.`,
  pool: (height: number, width: number, allZero: number) =>
    `Step 4 of 4: 2 × 2 max pooling keeps 1 value of every 4 (${height} × ${width} becomes ${height / 2} × ${width / 2}) and records where it was. ` +
    `In ${allZero}% of the windows all four values are 0: the kept value is 0 and, as a tie, its index says top left.`,
  probeHint: 'Point at a cell of the patch, or focus the patch and use the arrow keys, to follow one pixel through the stage.',
  probe: (row: number, col: number, parts: string[]) => `Pixel (row ${row}, column ${col}): ${parts.join('; ')}.`,
  probeInput: (r: number, g: number, b: number) => `input R ${r}, G ${g}, B ${b}`,
  probeValue: (step: string, value: string) => `${step} ${value}`,
  probeKept: (value: string) => `pooling keeps it, the maximum of its window (${value})`,
  probeDropped: (value: string) => `pooling drops it: its window keeps ${value}`,
  waiting: 'The stage appears once the network has run on the frame (see below).',
  running: 'Running the network on this frame…',
  failed: (error: string) => `The network failed: ${error}`,
};
