/**
 * Build-time only (imported by .astro front matter, never by browser code): which of the
 * model's assets the site was built with. Asking at build time means a page never requests a
 * checkpoint that is not there (a 404 would show up as a failed request in the reader's console).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_DATASET } from './demo-frames';
import type { ModelSource } from './page-model';

/** Where the training run puts the page's checkpoint, relative to public/. */
export const CHECKPOINT_PATH = 'models/segnet-basic-synthetic-96x128/model.json';

/** The CamVid-trained SegNet-Basic, relative to public/ (our own training output; see its model card). */
export const CAMVID_CHECKPOINT_PATH = 'models/segnet-basic-camvid-96x128/model.json';

/** URL of the CamVid-trained SegNet-Basic's model.json (the start for the reader's real data), or null when the build has none. */
export function camvidCheckpointUrl(base: string, root = process.cwd()): string | null {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return existsSync(publicFile(CAMVID_CHECKPOINT_PATH, root)) ? `${prefix}${CAMVID_CHECKPOINT_PATH}` : null;
}

/** What a model-backed widget needs to know, serialised into its element. */
export interface WidgetSources {
  /** Folder URL of the demo dataset. */
  dataUrl: string;
  model: ModelSource;
}

/** Absolute path of a file under public/ (the build runs from the project root). */
export function publicFile(path: string, root = process.cwd()): string {
  return join(root, 'public', path);
}

/** The sources as of this build; `base` is the site's base URL (import.meta.env.BASE_URL). */
export function widgetSources(base: string, root = process.cwd()): WidgetSources {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return {
    dataUrl: `${prefix}data/${DEMO_DATASET}/`,
    model: { checkpointUrl: existsSync(publicFile(CHECKPOINT_PATH, root)) ? `${prefix}${CHECKPOINT_PATH}` : null },
  };
}
