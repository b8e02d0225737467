/**
 * Build-time only (imported by the .astro shell, never by browser code): which model the
 * own-image widget runs. The CamVid-trained checkpoint suits real photos; when the site was
 * built without it, the page's synthetic-trained model stands in. Deciding at build time means
 * the page never requests a file that is not there.
 */
import { camvidCheckpointUrl, widgetSources } from '../model/sources';
import type { ModelSource } from '../model/page-model';


export interface OwnImageSources {
  /** URL of the CamVid-trained checkpoint's model.json, or null when this build has none. */
  camvidUrl: string | null;
  /** The page's model (synthetic-trained, or untrained), used when there is no CamVid checkpoint. */
  page: ModelSource;
}

/** The sources as of this build; `base` is the site's base URL (import.meta.env.BASE_URL). */
export function ownImageSources(base: string, root = process.cwd()): OwnImageSources {
  return {
    camvidUrl: camvidCheckpointUrl(base, root),
    page: widgetSources(base, root).model,
  };
}
