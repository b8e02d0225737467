/** The transposed-convolution stepper: panel titles and names, the live captions, the controls. */
const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
const head = (k: number, s: number): string => `Kernel ${k}, stride ${s}`;

/** One stamp of the stepper, for its sentence. */
export interface StampFacts {
  step: number;
  count: number;
  /** The input cell and its value. */
  row: number;
  col: number;
  value: number;
  kernel: number;
  /** Top-left output cell of the stamp. */
  outRow: number;
  outCol: number;
}

export const transposedConv = {
  input: 'Input',
  kernel: 'Kernel of ones',
  kernelLabel: (k: number) => `Kernel (${k} × ${k}), every weight 1`,
  output: 'Output',
  outputLabel: (n: number, step: number, count: number) => `Output (${n} × ${n}) after ${step} of ${count} stamps`,
  overlaps: 'Stamps per cell',
  overlapsLabel: (min: number, max: number) => `Stamps per output cell once all nine are done, from ${min} to ${max}`,
  gaps: (k: number, s: number, empty: number) =>
    `${head(k, s)}: gaps. The stride is longer than the kernel, so the stamps never meet and ${plural(empty, 'output cell')} receive none.`,
  uneven: (k: number, s: number, min: number, max: number) =>
    `${head(k, s)}: uneven overlap. ${k} is not a multiple of ${s}, so neighbouring output cells receive different numbers of stamps (${min} to ${max}): a checkerboard.`,
  evenEverywhere: (k: number, s: number, inner: number) => `${head(k, s)}: even overlap. Every output cell receives exactly ${plural(inner, 'stamp')}.`,
  /** `full` of the `cells` output cells of an n × n input are far enough from the border to get `inner`; the others get min to max. */
  evenInside: (k: number, s: number, inner: number, n: number, full: number, cells: number, min: number, max: number) => {
    const where = full === 1 ? 'only the centre cell is' : `${full} of its ${cells} output cells are`;
    return (
      `${head(k, s)}: even overlap. ${k} is a multiple of ${s}, so away from the border every output cell receives ${plural(inner, 'stamp')}. ` +
      `On this ${n} × ${n} input ${where} that far in; the others receive ${min} to ${max}.`
    );
  },
  notStamped: (k: number, stride: number) =>
    `Nothing stamped yet. Each step takes one input cell and adds value × kernel to a ${k} × ${k} block of the output, moving ${plural(stride, 'cell')} per input cell.`,
  stamped: (f: StampFacts) => {
    const rows = f.kernel === 1 ? `row ${f.outRow}` : `rows ${f.outRow}–${f.outRow + f.kernel - 1}`;
    const cols = f.kernel === 1 ? `column ${f.outCol}` : `columns ${f.outCol}–${f.outCol + f.kernel - 1}`;
    const done = f.step === f.count ? ' All nine cells are stamped.' : '';
    return `Step ${f.step} of ${f.count}: input cell (row ${f.row}, column ${f.col}) holds ${f.value}, so ${f.value} × kernel is added to output ${rows}, ${cols}.${done}`;
  },
  kernelSize: 'Kernel size',
  stride: 'Stride',
  inputValues: 'Input values',
  allOnes: 'all 1',
  oneToNine: '1 to 9',
  player: 'Stamps',
};
