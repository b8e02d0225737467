/**
 * Reference convolutions as plain loops: dilated convolution with TensorFlow's 'same' /
 * 'valid' padding, and transposed convolution written as "each input cell stamps the kernel
 * onto the output", the picture that chapter 2 animates.
 */
import { makeGrid, offset, type Grid } from './grid';

export interface RefConvOptions {
  stride?: number;
  dilation?: number;
  padding?: 'same' | 'valid';
}

/** Output size and leading pad of one axis, following TensorFlow's padding rules. */
function convAxis(size: number, kernel: number, stride: number, dilation: number, padding: 'same' | 'valid'): [number, number] {
  const extent = kernel + (kernel - 1) * (dilation - 1);
  if (padding === 'valid') return [Math.floor((size - extent) / stride) + 1, 0];
  const out = Math.ceil(size / stride);
  const total = Math.max((out - 1) * stride + extent - size, 0);
  return [out, Math.floor(total / 2)];
}

/** Cross-correlation of x [N, H, W, Cin] with filter [kh, kw, Cin, Cout] (TF's conv2d). */
export function refConv2d(x: Grid, filter: Grid, options: RefConvOptions = {}): Grid {
  const { stride = 1, dilation = 1, padding = 'same' } = options;
  const [n, h, w, cin] = x.shape;
  const [kh, kw, , cout] = filter.shape;
  const [oh, padTop] = convAxis(h, kh, stride, dilation, padding);
  const [ow, padLeft] = convAxis(w, kw, stride, dilation, padding);
  const out = makeGrid([n, oh, ow, cout]);
  for (let b = 0; b < n; b++)
    for (let i = 0; i < oh; i++)
      for (let j = 0; j < ow; j++)
        for (let co = 0; co < cout; co++) {
          let sum = 0;
          for (let u = 0; u < kh; u++)
            for (let v = 0; v < kw; v++) {
              const y = i * stride - padTop + u * dilation;
              const xx = j * stride - padLeft + v * dilation;
              if (y < 0 || y >= h || xx < 0 || xx >= w) continue;
              for (let ci = 0; ci < cin; ci++) {
                sum += x.data[offset(x.shape, b, y, xx, ci)]! * filter.data[offset(filter.shape, u, v, ci, co)]!;
              }
            }
          out.data[offset(out.shape, b, i, j, co)] = sum;
        }
  return out;
}

/** What a transposed convolution computed, and how many kernel stamps landed on each output cell. */
export interface StampResult {
  output: Grid;
  /** [1, H, W, 1]: number of (input cell, kernel tap) pairs that wrote to each output cell. */
  overlaps: Grid;
}

/**
 * Transposed convolution of x [N, h, w, Cin] with filter [kh, kw, Cout, Cin] (TF's layout for
 * conv2dTranspose) to an output of height x width: input cell (i, j) adds filter * x[i, j] at
 * output rows i*stride - padTop + u. padTop is TF's 'same'/'valid' leading pad for that output.
 */
export function refConv2dTranspose(
  x: Grid,
  filter: Grid,
  height: number,
  width: number,
  stride: number,
  padding: 'same' | 'valid' = 'same',
): StampResult {
  const [n, h, w, cin] = x.shape;
  const [kh, kw, cout] = filter.shape;
  const padTop = convAxis(height, kh, stride, 1, padding)[1];
  const padLeft = convAxis(width, kw, stride, 1, padding)[1];
  const output = makeGrid([n, height, width, cout]);
  const overlaps = makeGrid([1, height, width, 1]);
  for (let b = 0; b < n; b++)
    for (let i = 0; i < h; i++)
      for (let j = 0; j < w; j++)
        for (let u = 0; u < kh; u++)
          for (let v = 0; v < kw; v++) {
            const y = i * stride - padTop + u;
            const xx = j * stride - padLeft + v;
            if (y < 0 || y >= height || xx < 0 || xx >= width) continue;
            if (b === 0) overlaps.data[y * width + xx]! += 1;
            for (let co = 0; co < cout; co++)
              for (let ci = 0; ci < cin; ci++) {
                output.data[offset(output.shape, b, y, xx, co)]! +=
                  x.data[offset(x.shape, b, i, j, ci)]! * filter.data[offset(filter.shape, u, v, co, ci)]!;
              }
          }
  return { output, overlaps };
}
