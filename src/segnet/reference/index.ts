/** Plain-TypeScript reference operations: ground truth for tests, and fast enough for the small grids of the first chapters. */
export { makeGrid, offset, type Grid } from './grid';
export { refMaxPool2x2, refMaxUnpool } from './pooling';
export { refConv2d, refConv2dTranspose, type RefConvOptions, type StampResult } from './convolution';
export { refResizeBilinear } from './resize';
