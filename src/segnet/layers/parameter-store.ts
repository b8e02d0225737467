/**
 * Named variables of one part of a network (an encoder or a decoder).
 *
 * Names are the checkpoint keys ("encoder/stage2/conv1/filter"), independent of TF.js's
 * global variable registry, so checkpoints load into any fresh model with the same config.
 * Initialisation is seeded per name, so the same config and seed give the same weights.
 */
import * as tf from '@tensorflow/tfjs-core';

/** 'weight' is learnt by gradient descent; 'state' is updated otherwise (batch-norm moving statistics). */
export type ParameterRole = 'weight' | 'state';

export interface NamedVariable {
  name: string;
  variable: tf.Variable;
  role: ParameterRole;
}

/** FNV-1a hash of a name mixed with a seed: a stable per-parameter seed. */
function nameSeed(seed: number, name: string): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193) >>> 0;
  return h % 2147483647;
}

/** A parameter's name, shape and role, known without allocating it. */
export interface ParameterSpec {
  name: string;
  shape: number[];
  role: ParameterRole;
}

export class ParameterStore {
  private readonly entries = new Map<string, NamedVariable>();
  /** Every parameter defined, allocated or not. */
  readonly specs: ParameterSpec[] = [];
  /** False while this part is frozen: its weights are left out of training. */
  trainable = true;

  /**
   * @param allocate false records shapes only (for parameter counts and memory reports of
   *   networks too large to build); the returned variables are then unusable placeholders.
   */
  constructor(
    readonly prefix: string,
    private readonly seed: number,
    readonly allocate = true,
  ) {}

  private add(name: string, shape: number[], role: ParameterRole, init: () => tf.Tensor): tf.Variable {
    const full = `${this.prefix}/${name}`;
    if (this.specs.some((s) => s.name === full)) throw new Error(`ParameterStore: parameter '${full}' is defined twice`);
    this.specs.push({ name: full, shape, role });
    if (!this.allocate) return null as unknown as tf.Variable;
    const value = init();
    const variable = tf.variable(value, role === 'weight');
    value.dispose();
    this.entries.set(full, { name: full, variable, role });
    return variable;
  }

  /**
   * He-normal filter (std sqrt(2 / fanIn); default fan-in kh * kw * shape[2], right for conv2d
   * filters [kh, kw, Cin, Cout]) and a zero bias of `biasSize` values.
   */
  conv(name: string, shape: [number, number, number, number], fanIn = shape[0] * shape[1] * shape[2], biasSize = shape[3]) {
    const std = Math.sqrt(2 / fanIn);
    const filter = this.add(`${name}/filter`, shape, 'weight', () => tf.randomNormal(shape, 0, std, 'float32', nameSeed(this.seed, name)));
    const bias = this.add(`${name}/bias`, [biasSize], 'weight', () => tf.zeros([biasSize]));
    return { filter: filter as tf.Variable<tf.Rank.R4>, bias: bias as tf.Variable<tf.Rank.R1> };
  }

  /** A filter with given initial values (e.g. bilinear upsampling kernels) and a zero bias. */
  fixedInitConv(name: string, shape: [number, number, number, number], init: () => tf.Tensor4D) {
    const filter = this.add(`${name}/filter`, shape, 'weight', init);
    const bias = this.add(`${name}/bias`, [shape[3]], 'weight', () => tf.zeros([shape[3]]));
    return { filter: filter as tf.Variable<tf.Rank.R4>, bias: bias as tf.Variable<tf.Rank.R1> };
  }

  /** Batch-norm scale and offset (learnt) and moving mean and variance (state). */
  batchNorm(name: string, channels: number) {
    return {
      gamma: this.add(`${name}/gamma`, [channels], 'weight', () => tf.ones([channels])) as tf.Variable<tf.Rank.R1>,
      beta: this.add(`${name}/beta`, [channels], 'weight', () => tf.zeros([channels])) as tf.Variable<tf.Rank.R1>,
      movingMean: this.add(`${name}/moving_mean`, [channels], 'state', () => tf.zeros([channels])) as tf.Variable<tf.Rank.R1>,
      movingVariance: this.add(`${name}/moving_variance`, [channels], 'state', () => tf.ones([channels])) as tf.Variable<tf.Rank.R1>,
    };
  }

  /** All parameters, in definition order. */
  list(): NamedVariable[] {
    return [...this.entries.values()];
  }

  /** Number of learnt scalars (batch-norm moving statistics are not parameters). */
  count(): number {
    let n = 0;
    for (const s of this.specs) if (s.role === 'weight') n += s.shape.reduce((a, b) => a * b, 1);
    return n;
  }

  dispose(): void {
    for (const e of this.entries.values()) e.variable.dispose();
    this.entries.clear();
  }
}
