/**
 * Build-time only (imported by the .astro front matter): which datasets the studio offers and
 * whether the pretrained checkpoint exists, decided from the files under public/ so the page
 * never requests a missing one. CamVid folders are offered by the dev server only: the build
 * leaves them out of dist/ (CamVid may not be redistributed), so a built page never lists them.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { camvidCheckpointUrl, widgetSources } from '../model/sources';
import { DEFAULT_DATASET, type DatasetOption } from './settings';

export interface StudioSources {
  datasets: DatasetOption[];
  /** URL of the pretrained checkpoint's model.json, or null. */
  pretrainedUrl: string | null;
  /** URL of the CamVid-trained SegNet-Basic's model.json (the start for the reader's own data), or null. */
  camvidPretrainedUrl: string | null;
}


/** A dataset folder's option, or null when its manifest is missing or unreadable. */
function datasetOption(dataDir: string, name: string, prefix: string): DatasetOption | null {
  const file = join(dataDir, name, 'manifest.json');
  if (!existsSync(file)) return null;
  try {
    const m = JSON.parse(readFileSync(file, 'utf8')) as { height?: unknown; width?: unknown; splits?: { train?: { count?: unknown }; val?: { count?: unknown } } };
    const { height, width } = m;
    const trainCount = m.splits?.train?.count;
    if (typeof height !== 'number' || typeof width !== 'number' || typeof trainCount !== 'number' || typeof m.splits?.val?.count !== 'number') return null;
    return { name, url: `${prefix}data/${name}/`, height, width, trainCount };
  } catch {
    return null;
  }
}

export function studioSources(base: string, options: { includeCamvid: boolean }, root = process.cwd()): StudioSources {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const dataDir = join(root, 'public', 'data');
  const names = existsSync(dataDir) ? readdirSync(dataDir) : [];
  const camvid = options.includeCamvid ? names.filter((n) => /^camvid-\d+x\d+$/.test(n)).sort() : [];
  const datasets = [DEFAULT_DATASET, ...camvid].map((n) => datasetOption(dataDir, n, prefix)).filter((d): d is DatasetOption => d !== null);
  return { datasets, pretrainedUrl: widgetSources(base, root).model.checkpointUrl, camvidPretrainedUrl: camvidCheckpointUrl(base, root) };
}
