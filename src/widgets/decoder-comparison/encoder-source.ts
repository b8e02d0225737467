/**
 * The shared encoder's weights: the pretrained checkpoint's SegNet-Basic encoder when the site
 * has one that fits, otherwise random weights, with a notice saying so. Either way it is frozen.
 */
import type * as tfTypes from '@tensorflow/tfjs-core';
import type { SegNetModel } from '../../segnet';
import type { Engine } from '../shared/engine';
import { errorMessage } from '../../segnet/core';
import { messages, pageMessages, type Messages } from '../../i18n';

/** The encoder's pretrained weights, or why there are none. */
export interface EncoderSource {
  tensors: tfTypes.NamedTensorMap | null;
  /** What the encoder is, for the status line. */
  summary: string;
  /** Said above the summary when the pretrained weights are not used. */
  notice: string | null;
}

type Words = Messages['decoderComparison']['encoder'];

/** What the page's encoder is when no pretrained weights are used (in English). */
export const RANDOM_ENCODER_SUMMARY = messages('en').decoderComparison.encoder.random;

/** The checkpoint's encoder tensors, read once; every other tensor of the checkpoint is freed. `trainedOn` words the summary. */
export async function readEncoder(engine: Engine, checkpointUrl: string | null, m: Words = pageMessages().decoderComparison.encoder, trainedOn: 'synthetic' | 'camvid' = 'synthetic'): Promise<EncoderSource> {
  if (!checkpointUrl) return { tensors: null, summary: m.random, notice: m.noCheckpoint };
  try {
    const { meta, tensors } = await engine.segnet.readCheckpoint(checkpointUrl);
    const kept: tfTypes.NamedTensorMap = {};
    for (const [name, t] of Object.entries(tensors)) {
      if (engine.segnet.isEncoderName(name) && meta.config.encoder === 'basic') kept[name] = t;
      else t.dispose();
    }
    if (meta.config.encoder !== 'basic') throw new Error(`its encoder is ${meta.config.encoder}, not basic`);
    const steps = meta.progress.step;
    const stepsText = steps > 0 ? steps.toLocaleString('en') : null;
    return { tensors: kept, summary: trainedOn === 'camvid' ? m.pretrainedCamvid(stepsText) : m.pretrained(stepsText), notice: null };
  } catch (e) {
    return { tensors: null, summary: m.random, notice: m.unusable(errorMessage(e)) };
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
  m: Words = pageMessages().decoderComparison.encoder,
): Pick<EncoderSource, 'summary' | 'notice'> {
  try {
    if (source.tensors) apply(owner, source.tensors);
    return { summary: source.summary, notice: source.notice };
  } catch (e) {
    return { summary: m.random, notice: m.misfit(errorMessage(e)) };
  }
}
