/**
 * Build-time only (imported by the .astro shell, never by browser code): which model the
 * own-image widget runs. The CamVid-trained checkpoint suits real photos; when the site was
 * built without it, the page's synthetic-trained model stands in. Deciding at build time means
 * the page never requests a file that is not there.
 */
import { existsSync } from 'node:fs';
import { publicFile, widgetSources } from '../model/sources';
import type { ModelSource } from '../model/page-model';

/** Where the CamVid-trained SegNet-Basic (basic encoder, segnet decoder, 96 x 128) lives, under public/. */
export const CAMVID_CHECKPOINT_PATH = 'models/segnet-basic-camvid-96x128/model.json';

export interface OwnImageSources {
  /** URL of the CamVid-trained checkpoint's model.json, or null when this build has none. */
  camvidUrl: string | null;
  /** The page's model (synthetic-trained, or untrained), used when there is no CamVid checkpoint. */
  page: ModelSource;
}

/** The sources as of this build; `base` is the site's base URL (import.meta.env.BASE_URL). */
export function ownImageSources(base: string, root = process.cwd()): OwnImageSources {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return {
    camvidUrl: existsSync(publicFile(CAMVID_CHECKPOINT_PATH, root)) ? `${prefix}${CAMVID_CHECKPOINT_PATH}` : null,
    page: widgetSources(base, root).model,
  };
}
