/** Turning per-class scores (logits or probabilities) into a label map. */
import { checkInteger } from './validate';

/**
 * Label map of NHWC scores: out[i] = argmax over c of probabilities[i * numClasses + c]
 * (the last axis). The first maximum wins on ties; NaN never wins, and a pixel whose scores
 * are all NaN or -Infinity gets class 0.
 */
export function argmaxClasses(probabilities: Float32Array, numPixels: number, numClasses: number): Uint8Array {
  const fn = 'argmaxClasses';
  checkInteger(fn, 'numPixels', numPixels, 0);
  checkInteger(fn, 'numClasses', numClasses, 1);
  if (numClasses > 256) {
    throw new Error(`${fn}: numClasses must be <= 256 to fit a Uint8Array label map, got ${numClasses}`);
  }
  if (probabilities.length !== numPixels * numClasses) {
    throw new Error(
      `${fn}: numPixels*numClasses = ${numPixels * numClasses} but probabilities has ${probabilities.length} values`,
    );
  }
  const out = new Uint8Array(numPixels);
  for (let i = 0, base = 0; i < numPixels; i++, base += numClasses) {
    let best = -Infinity;
    let bestClass = 0;
    for (let c = 0; c < numClasses; c++) {
      const v = probabilities[base + c]!;
      if (v > best) {
        best = v;
        bestClass = c;
      }
    }
    out[i] = bestClass;
  }
  return out;
}
