/**
 * Resizing label maps by majority vote. Interpolating class indices would invent classes
 * (halfway between Road=3 and Tree=5 is Pavement=4), so each output pixel takes the label
 * that covers most of its source region (the same regions `resizeImageArea` averages).
 * Every output label therefore occurs in the source region it came from.
 */
import { axisTaps, type AxisTaps } from './resample-taps';

/**
 * Resizes a label map: majority vote over each output pixel's area when downscaling,
 * nearest neighbour when upscaling. Ties go to the label under the region's centre if it is
 * among them, else to the smallest label (so a real class beats void, 11).
 * @param src srcHeight*srcWidth labels, row-major.
 */
export function resizeLabels(
  src: Uint8Array,
  srcHeight: number,
  srcWidth: number,
  dstHeight: number,
  dstWidth: number,
): Uint8Array {
  if (src.length !== srcHeight * srcWidth) {
    throw new Error(`resizeLabels: src has ${src.length} labels, expected ${srcHeight}*${srcWidth}`);
  }
  if (srcHeight === dstHeight && srcWidth === dstWidth) return src.slice();
  const tx = axisTaps(srcWidth, dstWidth);
  const ty = axisTaps(srcHeight, dstHeight);
  const ballot: Ballot = { votes: new Float64Array(256), seen: new Uint8Array(tx.maxTaps * ty.maxTaps), count: 0 };
  const out = new Uint8Array(dstHeight * dstWidth);
  for (let y = 0; y < dstHeight; y++) {
    const cy = Math.min(srcHeight - 1, Math.floor(((y + 0.5) * srcHeight) / dstHeight));
    for (let x = 0; x < dstWidth; x++) {
      const uniform = uniformLabel(src, srcWidth, ty.start[y]!, ty.length[y]!, tx.start[x]!, tx.length[x]!);
      if (uniform >= 0) {
        // Most regions hold a single label: no vote needed.
        out[y * dstWidth + x] = uniform;
        continue;
      }
      castVotes(ballot, src, srcWidth, ty, y, tx, x);
      const centre = src[cy * srcWidth + Math.min(srcWidth - 1, Math.floor(((x + 0.5) * srcWidth) / dstWidth))]!;
      out[y * dstWidth + x] = pickWinner(ballot, centre);
    }
  }
  return out;
}

/** Weighted votes of one region: votes[label], and the labels that received any. */
interface Ballot {
  votes: Float64Array;
  seen: Uint8Array;
  count: number;
}

/** Adds each source pixel of output pixel (x, y), weighted by its overlap area. */
function castVotes(ballot: Ballot, src: Uint8Array, srcWidth: number, ty: AxisTaps, y: number, tx: AxisTaps, x: number): void {
  const { votes, seen } = ballot;
  ballot.count = 0;
  for (let j = 0; j < ty.length[y]!; j++) {
    const wy = ty.weights[y * ty.maxTaps + j]!;
    const row = (ty.start[y]! + j) * srcWidth + tx.start[x]!;
    for (let i = 0; i < tx.length[x]!; i++) {
      const label = src[row + i]!;
      if (votes[label] === 0) seen[ballot.count++] = label;
      votes[label]! += wy * tx.weights[x * tx.maxTaps + i]!;
    }
  }
}

/** The label of a source region if all its pixels agree, else -1. */
function uniformLabel(src: Uint8Array, srcWidth: number, y0: number, rows: number, x0: number, cols: number): number {
  const first = src[y0 * srcWidth + x0]!;
  for (let j = 0; j < rows; j++) {
    const row = (y0 + j) * srcWidth + x0;
    for (let i = 0; i < cols; i++) if (src[row + i] !== first) return -1;
  }
  return first;
}

/** The label with most votes (ties as documented above); clears the votes it used. */
function pickWinner(ballot: Ballot, centre: number): number {
  const { votes, seen, count: nSeen } = ballot;
  let best = -1;
  let bestVotes = -1;
  for (let k = 0; k < nSeen; k++) {
    const label = seen[k]!;
    const v = votes[label]!;
    // Float sums of equal overlaps can differ in the last bits: treat near-equal as a tie.
    if (v > bestVotes + 1e-9 || (Math.abs(v - bestVotes) <= 1e-9 && label < best)) {
      best = label;
      bestVotes = v;
    }
  }
  const centreVotes = votes[centre]!;
  const winner = Math.abs(centreVotes - bestVotes) <= 1e-9 ? centre : best;
  for (let k = 0; k < nSeen; k++) votes[seen[k]!] = 0;
  return winner;
}
