/** The atrous explorer (chapter 6): controls, chart words, the two live captions. */
export const atrousExplorer = {
  rate: 'Rate',
  kernel: 'Kernel',
  stackRates: 'Rates of a stack of three layers',
  layerRate: (layer: number) => `Layer ${layer} rate`,
  /** "label: value", in a chart row or an accessible name. */
  labelled: (label: string, value: string) => `${label}: ${value}`,
  tapsTitle: (k: number, rate: number, extent: number) => `${k} × ${k} kernel at rate ${rate}: covers ${extent} × ${extent}`,
  tapsLabel: (k: number, rate: number, extent: number) =>
    `The ${k * k} input cells a ${k} × ${k} kernel at rate ${rate} touches, spread over ${extent} × ${extent}`,
  stackTitle: 'What the centre output sees along one row',
  stackTitleNarrow: 'What the centre output sees',
  stackLabel: (rows: string[]) => `Receptive field along one row: ${rows.join('; ')}`,
  pixels: (n: number) => `${n} pixels`,
  layerRow: (depth: number, rate: number) => `layer ${depth}, rate ${rate}`,
  baselineRow: 'all three at rate 1',
  /** How far a row of the strip chart reaches; `seen` only when the rates leave holes. */
  reach: (span: number, seen?: number) => (seen === undefined ? `${span} wide` : `${span} wide, ${seen} seen`),
  ordinary: (k: number, formula: string) =>
    `Rate 1 is an ordinary convolution: the ${k} × ${k} kernel touches ${k * k} neighbouring cells (${formula}).`,
  dilated: (k: number, rate: number, extent: number, formula: string) =>
    `At rate ${rate} the ${k} × ${k} kernel still has ${k * k} weights, but they sit ${rate} cells apart and cover ${extent} × ${extent} ` +
    `(${formula}); the other ${extent * extent - k * k} cells of that square are skipped.`,
  stack: (k: number, rates: number[], span: number, baseline: number) =>
    `Three ${k} × ${k} layers at rates ${rates.join(', ')} see ${span} input pixels across, ` +
    `against ${baseline} at rate 1, with the same weights and no loss of resolution.`,
  /** Appended to `stack` when the rates leave holes. */
  gridding: (seen: number, span: number) => ` But only ${seen} of those ${span} positions reach the output: the rates leave holes (gridding).`,
};
