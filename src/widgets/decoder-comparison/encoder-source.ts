/**
 * The shared encoder's weights: the pretrained checkpoint's SegNet-Basic encoder when the site
 * has one that fits, otherwise random weights, with a notice saying so. Either way it is frozen.
 */
import type * as tfTypes from '@tensorflow/tfjs-core';
import type { SegNetModel } from '../../segnet';
import type { Engine } from '../shared/engine';
import { errorMessage } from '../../segnet/core';

/** The encoder's pretrained weights, or why there are none. */
export interface EncoderSource {
  tensors: tfTypes.NamedTensorMap | null;
  /** What the encoder is, for the status line. */
  summary: string;
  /** Said above the summary when the pretrained weights are not used. */
  notice: string | null;
}

export const RANDOM_ENCODER_SUMMARY = 'SegNet-Basic encoder with random weights, frozen';
const RANDOM_ENCODER_NOTICE = 'No pretrained checkpoint: the shared encoder has random weights (frozen), so the decoders learn from random features.';

/** The checkpoint's encoder tensors, read once; every other tensor of the checkpoint is freed. */
export async function readEncoder(engine: Engine, checkpointUrl: string | null): Promise<EncoderSource> {
  if (!checkpointUrl) return { tensors: null, summary: RANDOM_ENCODER_SUMMARY, notice: RANDOM_ENCODER_NOTICE };
  try {
    const { meta, tensors } = await engine.segnet.readCheckpoint(checkpointUrl);
    const kept: tfTypes.NamedTensorMap = {};
    for (const [name, t] of Object.entries(tensors)) {
      if (engine.segnet.isEncoderName(name) && meta.config.encoder === 'basic') kept[name] = t;
      else t.dispose();
    }
    if (meta.config.encoder !== 'basic') throw new Error(`its encoder is ${meta.config.encoder}, not basic`);
    const steps = meta.progress.step;
    return { tensors: kept, summary: `SegNet-Basic encoder from the pretrained checkpoint${steps > 0 ? ` (${steps.toLocaleString('en')} steps)` : ''}, frozen`, notice: null };
  } catch (e) {
    return { tensors: null, summary: RANDOM_ENCODER_SUMMARY, notice: `The pretrained checkpoint could not be used (${errorMessage(e)}): the shared encoder has random weights (frozen).` };
  }
}

/**
 * Puts the source's weights into the encoder of `owner` with `apply` (checked in full before any
 * variable is written: on failure the encoder stays random) and says what the encoder now is.
 */
export function fitEncoder(
  apply: (model: SegNetModel, tensors: tfTypes.NamedTensorMap) => unknown,
  owner: SegNetModel,
  source: EncoderSource,
): Pick<EncoderSource, 'summary' | 'notice'> {
  try {
    if (source.tensors) apply(owner, source.tensors);
    return { summary: source.summary, notice: source.notice };
  } catch (e) {
    return { summary: RANDOM_ENCODER_SUMMARY, notice: `The pretrained checkpoint’s encoder does not fit (${errorMessage(e)}): the shared encoder has random weights (frozen).` };
  }
}
