/**
 * The network the own-image widget runs: SegNet-Basic trained on CamVid street scenes when the
 * site was built with that checkpoint, otherwise the page's model (trained on synthetic scenes,
 * or untrained), shared with the chapter's other widgets. Either runs in the page's engine
 * worker, beside the chapter's other networks (one TF.js per page); the page sends the picture
 * and gets the labels back.
 */
import type { Segmentation } from '../../segnet/core';
import { pageMessages, type Messages } from '../../i18n';
import { loadPageModel, openPageModel, originProblem, type PageModel } from '../model/page-model';
import type { OwnImageSources } from './sources';

/** Which weights run: real street scenes, this site's synthetic scenes, or none. */
export type ModelKind = 'camvid' | 'synthetic' | 'untrained';

export interface StreetModel {
  model: PageModel;
  kind: ModelKind;
  /** Why the CamVid checkpoint is not running although the build had one; null otherwise. */
  fallback: string | null;
}

/** Reads the build-time sources the shell wrote into `data-sources`. */
export function readOwnImageSources(root: HTMLElement): OwnImageSources {
  const text = root.dataset.sources;
  if (!text) throw new Error(`<${root.localName}> has no data-sources`);
  const parsed = JSON.parse(text) as Partial<OwnImageSources>;
  if (!('camvidUrl' in parsed) || !parsed.page || !('checkpointUrl' in parsed.page)) {
    throw new Error(`<${root.localName}> has malformed data-sources: ${text}`);
  }
  return parsed as OwnImageSources;
}

type Words = Messages['ownImage'];

async function loadCamVid(url: string, m: Words): Promise<PageModel> {
  const { model, origin } = await openPageModel(url, (o) => ({
    trained: true,
    summary: m.camvidSummary(o.trained && o.steps > 0 ? o.steps.toLocaleString('en') : null),
    notice: null,
  }));
  const problem = originProblem(origin);
  if (problem !== null) {
    // The worker stands an untrained network in for a checkpoint that did not load; here the page's model does.
    model.close();
    throw new Error(problem);
  }
  return model;
}

/** Loads the best model this build offers; falls back to the page's model when CamVid's fails. */
export async function loadStreetModel(sources: OwnImageSources, m: Words = pageMessages().ownImage): Promise<StreetModel> {
  let fallback: string | null = null;
  if (sources.camvidUrl) {
    try {
      return { model: await loadCamVid(sources.camvidUrl, m), kind: 'camvid', fallback: null };
    } catch (e) {
      fallback = m.camvidFailed((e as Error).message);
    }
  }
  const model = await loadPageModel(sources.page);
  return { model, kind: model.description.trained ? 'synthetic' : 'untrained', fallback };
}

/** What the reader is told about the network that labels their picture. */
export function modelSentence(kind: ModelKind, m: Words = pageMessages().ownImage): string {
  switch (kind) {
    case 'camvid':
      return m.modelCamvid;
    case 'synthetic':
      return m.modelSynthetic;
    case 'untrained':
      return m.modelUntrained;
  }
}

/**
 * What the reader is told about the network that ran: the kind's sentence, except when the
 * build had a checkpoint that failed to load, where the page model's notice names the failure
 * (an untrained network is not "no checkpoint came with this site").
 */
export function streetModelSentence(street: StreetModel, builtWithCheckpoint: boolean, m: Words = pageMessages().ownImage): string {
  const notice = street.model.description.notice;
  return street.kind === 'untrained' && builtWithCheckpoint && notice ? notice : modelSentence(street.kind, m);
}

/**
 * The network's labels and class probabilities for one picture: `rgb` holds height x width x 3
 * bytes at the model's input size, scaled to [0, 1] as the training data were (in the worker).
 */
export function segmentPicture(model: PageModel, rgb: Uint8Array): Promise<Segmentation> {
  return model.segment(rgb);
}
