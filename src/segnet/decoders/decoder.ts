/**
 * What every decoder is: parameters of its own, and a function from the encoder's stage
 * outputs to per-pixel class logits at the input's full resolution.
 */
import type * as tf from '@tensorflow/tfjs-core';
import type { ParameterStore } from '../layers/parameter-store';
import type { EncoderPlan } from '../plan';
import type { StageOutput } from '../types';
import type { ActivationRecorder } from '../layers/recorder';
import type { DecoderKind } from '../types';

export interface DecodeContext {
  training: boolean;
  /** Input height and width: the logits come back at this size. */
  height: number;
  width: number;
  recorder?: ActivationRecorder;
}

export interface Decoder {
  readonly kind: DecoderKind;
  readonly store: ParameterStore;
  /** Encoder stages from this index on run without pooling (DeepLab); undefined: all pool. */
  readonly firstUnpooledStage?: number;
  /** stage outputs -> logits [N, H, W, numClasses] */
  decode(stages: StageOutput[], ctx: DecodeContext): tf.Tensor4D;
}

export interface DecoderSpec {
  plan: EncoderPlan;
  numClasses: number;
  atrousRate: number;
  seed: number;
  /** false: record parameter shapes only (see ParameterStore). */
  allocate: boolean;
}
