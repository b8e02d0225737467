/**
 * Which of a network's variables a set of stored tensors can fill: those with the same name
 * and shape. Names are positional (see layer-names.ts) and convolution shapes do not depend
 * on the frame size, so SegNet-Basic's trained encoder also serves its other decoders and
 * resolutions. Pure: loadMatchingWeights (weights.ts) applies the result to a model.
 */
import { isEncoderName } from './layer-names';

export interface TensorShape {
  name: string;
  shape: readonly number[];
}

export interface WeightMatchOptions {
  /** Which variables to consider: 'encoder' (what "encoder only" copies), a predicate, or all. */
  only?: 'encoder' | ((name: string) => boolean);
  /** Every considered variable must be matched, or nothing is copied and the first miss is thrown. */
  strict?: boolean;
}

/** What a copy did: variables copied, variables left as they were (with why). */
export interface WeightCopyReport {
  copied: string[];
  skipped: { name: string; reason: string }[];
}

const fmt = (shape: readonly number[]) => `[${shape.join(', ')}]`;

/** Why a variable cannot take a stored tensor, or null when it can. */
function mismatch(shape: readonly number[], other: readonly number[] | undefined): string | null {
  if (!other) return 'not in the checkpoint';
  return other.join() === shape.join() ? null : `${fmt(other)} in the checkpoint, ${fmt(shape)} here`;
}

/** Matches a network's variables against stored tensors by name and shape; throws on a miss when strict. */
export function matchWeights(variables: readonly TensorShape[], stored: readonly TensorShape[], options: WeightMatchOptions = {}): WeightCopyReport {
  const only = options.only === 'encoder' ? isEncoderName : options.only;
  const saved = new Map(stored.map((t) => [t.name, t.shape]));
  const report: WeightCopyReport = { copied: [], skipped: [] };
  for (const { name, shape } of variables) {
    if (only && !only(name)) {
      report.skipped.push({ name, reason: 'not asked for' });
      continue;
    }
    const other = saved.get(name);
    const reason = mismatch(shape, other);
    if (reason === null) report.copied.push(name);
    else if (!options.strict) report.skipped.push({ name, reason });
    else throw new Error(other ? `'${name}' is ${fmt(other)} in the checkpoint but ${fmt(shape)} in the model` : `the checkpoint has no value for '${name}'`);
  }
  return report;
}
