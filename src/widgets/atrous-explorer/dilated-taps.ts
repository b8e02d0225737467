/**
 * View-ready data of the atrous explorer, computed with the reference dilated convolution:
 * which input cells one k × k kernel at rate r touches, and how far the view of a stack of
 * dilated layers reaches.
 */
import { makeGrid, refConv2d } from '../../segnet/core';
import { gridToRows } from '../shared/examples';
import { RATE_RANGE, stackRates, type AtrousState } from './state';

/** Side covered by a k × k kernel at rate r: k + (k − 1)(r − 1). */
export function effectiveExtent(kernel: number, rate: number): number {
  return kernel + (kernel - 1) * (rate - 1);
}

/** Receptive field side after stride-1 layers of a k × k kernel at these rates: 1 + Σ (k − 1)·r. */
export function receptiveField(kernel: number, rates: readonly number[]): number {
  return 1 + rates.reduce((sum, r) => sum + (kernel - 1) * r, 0);
}

export interface TapView {
  kernel: number;
  rate: number;
  extent: number;
  /**
   * extent × extent: the kernel tap number (1..k², reading order) at each cell the kernel
   * touches, 0 at the cells it skips. Computed as refConv2d of a single 1 with the tap
   * numbers as the filter (rotated by 180°, so the output reads in tap order).
   */
  taps: number[][];
}

export function tapView(kernel: number, rate: number): TapView {
  const extent = effectiveExtent(kernel, rate);
  const impulse = makeGrid([1, extent, extent, 1]);
  const centre = (extent - 1) / 2;
  impulse.data[centre * extent + centre] = 1;
  const numbers = Array.from({ length: kernel * kernel }, (_, i) => kernel * kernel - i); // rotated by 180°
  const filter = makeGrid([kernel, kernel, 1, 1], numbers);
  const taps = gridToRows(refConv2d(impulse, filter, { dilation: rate, padding: 'same' }));
  return { kernel, rate, extent, taps };
}

export interface StackLayer {
  /** Layers applied (0: the output pixel alone). */
  depth: number;
  rate: number;
  /** Which input positions along a row reach the centre output, over `positions`. */
  reached: boolean[];
  /** Span from the first to the last reached position (the receptive field's side). */
  span: number;
  /** How many positions within the span actually reach it (fewer than span: gridding holes). */
  touched: number;
}

export interface StackView {
  kernel: number;
  rates: number[];
  /** Positions drawn: enough for the widest stack of this kernel on offer, centred on the output. */
  positions: number;
  layers: StackLayer[];
  /** The same depth at rate 1 everywhere, for comparison. */
  baseline: StackLayer[];
}

/**
 * Stacks 1-D dilated convolutions of ones (refConv2d on a single row) on a single 1 and
 * records which positions are non-zero after each layer: the positions that the centre
 * output sees, by symmetry of the all-ones filter.
 */
export function stackLayers(kernel: number, rates: readonly number[], positions: number): StackLayer[] {
  const ones = makeGrid([1, kernel, 1, 1], new Array<number>(kernel).fill(1)); // [1, k, 1, 1]: one row of taps
  let row = makeGrid([1, 1, positions, 1]);
  row.data[(positions - 1) / 2] = 1;
  const layers: StackLayer[] = [describe(0, 1, row.data)];
  rates.forEach((rate, i) => {
    row = refConv2d(row, ones, { dilation: rate, padding: 'same' });
    layers.push(describe(i + 1, rate, row.data));
  });
  return layers;
}

function describe(depth: number, rate: number, data: ArrayLike<number>): StackLayer {
  const reached = Array.from(data, (v) => v !== 0);
  const first = reached.indexOf(true);
  const last = reached.lastIndexOf(true);
  return { depth, rate, reached, span: last - first + 1, touched: reached.filter(Boolean).length };
}

export function stackView(state: AtrousState): StackView {
  const rates = stackRates(state);
  const positions = receptiveField(state.kernel, [RATE_RANGE.max, RATE_RANGE.max, RATE_RANGE.max]) + 4;
  return {
    kernel: state.kernel,
    rates,
    positions,
    layers: stackLayers(state.kernel, rates, positions),
    baseline: stackLayers(state.kernel, rates.map(() => 1), positions),
  };
}
