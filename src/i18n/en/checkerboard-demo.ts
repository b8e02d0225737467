/** The checkerboard demo (chapter 2): controls, panel titles, the live captions. */
const head = (k: number, s: number): string => `Transposed convolution, kernel ${k}, stride ${s}`;
const pixels = (n: number): string => `${n} ${n === 1 ? 'pixel' : 'pixels'}`;

export const checkerboardDemo = {
  kernelSize: 'Kernel size',
  stride: 'Stride (scale)',
  inputLegend: 'Input',
  inputs: { constant: 'constant', smooth: 'smooth ramp', edge: 'an edge' },
  methodLegend: 'Resize before the convolution',
  methods: { nearest: 'nearest', bilinear: 'bilinear' },
  input: 'Input',
  transposedOutput: 'Transposed: output',
  transposedTaps: 'Transposed: taps',
  resizedOutput: (method: 'nearest' | 'bilinear') => `${method === 'nearest' ? 'Nearest' : 'Bilinear'} + conv: output`,
  resizedTaps: 'Resize + conv: taps',
  transposedGroup: (k: number, s: number) => `Transposed convolution (kernel ${k}, stride ${s})`,
  resizedGroup: (method: 'nearest' | 'bilinear', s: number, k: number) =>
    `${method === 'nearest' ? 'Nearest-neighbour' : 'Bilinear'} resize ×${s}, then a ${k} × ${k} convolution`,
  /** Accessible name of a heat map: what it shows and the range of its values. */
  mapLabel: (title: string, side: number, min: string, max: string) => `${title} (${side} × ${side}), values from ${min} to ${max}; the outline marks the pixels away from the border`,
  uneven: (k: number, s: number, min: number, max: number) =>
    `${head(k, s)}: inside the outline, away from the border, output pixels receive ${min} to ${max} kernel taps, ` +
    `${max / min} times as many on some pixels as on their neighbours: a checkerboard. Resize then convolve reads exactly ${pixels(k * k)} for every output pixel.`,
  even: (k: number, s: number, taps: number) =>
    `${head(k, s)}: ${k} is a multiple of ${s}, so every output pixel inside the outline receives ${taps} kernel taps, as evenly as resize then convolve (${k * k} for every pixel).`,
  gaps: (k: number, s: number, untouched: number, cells: number) =>
    `${head(k, s)}: the stride is longer than the kernel, so ${untouched} of the ${cells} pixels inside the outline receive no tap at all. Resize then convolve reads ${pixels(k * k)} for every one.`,
  inputNames: { constant: 'constant', smooth: 'smooth', edge: 'edge' },
  /** Percentages arrive formatted. */
  roughness: (input: string, transposed: string, method: 'nearest' | 'bilinear', resized: string) =>
    `On the ${input} input, neighbouring output pixels differ on average by ${transposed} % of the mean value after the transposed convolution, ` +
    `and by ${resized} % after the ${method} resize and the convolution.`,
};
