/**
 * SGD with momentum and Adam, keeping their state under the model's parameter names, so that
 * optimizer state goes into checkpoints and comes back into a fresh page or process.
 * (TF.js's own optimizers key their state by global variable names, which differ per session.)
 */
import * as tf from '@tensorflow/tfjs-core';
import type { NamedVariable } from '../layers/parameter-store';

export interface OptimizerConfig {
  kind: 'sgd' | 'momentum' | 'adam';
  /** Momentum coefficient for 'momentum' (SegNet: 0.9). */
  momentum: number;
  /** Adam's moment decay rates and epsilon. */
  beta1: number;
  beta2: number;
  epsilon: number;
  /** L2 weight decay added to the gradient (SegNet-Tutorial: 5e-4). */
  weightDecay: number;
}

export const DEFAULT_OPTIMIZER: OptimizerConfig = {
  kind: 'momentum',
  momentum: 0.9,
  beta1: 0.9,
  beta2: 0.999,
  epsilon: 1e-8,
  weightDecay: 5e-4,
};

export class Optimizer {
  readonly config: OptimizerConfig;
  /** Number of updates applied (Adam's bias correction uses it). */
  updates = 0;
  private readonly slots = new Map<string, tf.Variable>();

  constructor(config: Partial<OptimizerConfig> = {}) {
    this.config = { ...DEFAULT_OPTIMIZER, ...config };
    if (!['sgd', 'momentum', 'adam'].includes(this.config.kind)) {
      throw new Error(`Optimizer: kind must be 'sgd', 'momentum' or 'adam', got '${String(this.config.kind)}'`);
    }
  }

  private slot(name: string, like: tf.Tensor): tf.Variable {
    let v = this.slots.get(name);
    if (!v) {
      v = tf.variable(tf.zerosLike(like), false);
      this.slots.set(name, v);
    }
    return v;
  }

  /** Applies one update. grads[name] is the gradient of the loss for parameter `name`. */
  apply(params: NamedVariable[], grads: Map<string, tf.Tensor>, learningRate: number): void {
    const { kind, momentum, beta1, beta2, epsilon, weightDecay } = this.config;
    this.updates += 1;
    const t = this.updates;
    tf.tidy(() => {
      for (const { name, variable } of params) {
        const raw = grads.get(name);
        if (!raw) continue;
        const g = weightDecay > 0 ? tf.add(raw, tf.mul(variable, weightDecay)) : raw;
        if (kind === 'sgd') {
          variable.assign(tf.sub(variable, tf.mul(g, learningRate)));
        } else if (kind === 'momentum') {
          const v = this.slot(`${name}/velocity`, variable);
          v.assign(tf.sub(tf.mul(v, momentum), tf.mul(g, learningRate)));
          variable.assign(tf.add(variable, v));
        } else {
          const m = this.slot(`${name}/m`, variable);
          const s = this.slot(`${name}/v`, variable);
          m.assign(tf.add(tf.mul(m, beta1), tf.mul(g, 1 - beta1)));
          s.assign(tf.add(tf.mul(s, beta2), tf.mul(tf.square(g), 1 - beta2)));
          const stepSize = (learningRate * Math.sqrt(1 - beta2 ** t)) / (1 - beta1 ** t);
          variable.assign(tf.sub(variable, tf.div(tf.mul(m, stepSize), tf.add(tf.sqrt(s), epsilon))));
        }
      }
    });
  }

  /** Named state tensors (not copies) for checkpoints, plus the update count. */
  state(): { updates: number; slots: { name: string; tensor: tf.Tensor }[] } {
    return { updates: this.updates, slots: [...this.slots].map(([name, tensor]) => ({ name, tensor })) };
  }

  /** Replaces the state with saved values (copied). */
  load(updates: number, slots: { name: string; tensor: tf.Tensor }[]): void {
    this.dispose();
    this.updates = updates;
    for (const { name, tensor } of slots) {
      // tf.variable takes its own reference to the copy's data: the copy itself must go.
      const copy = tensor.clone();
      this.slots.set(name, tf.variable(copy, false));
      copy.dispose();
    }
  }

  dispose(): void {
    for (const v of this.slots.values()) v.dispose();
    this.slots.clear();
  }
}
