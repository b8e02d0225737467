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
