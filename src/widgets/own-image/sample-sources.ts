/**
 * Build-time only (imported by the .astro shell): the sample streets this build ships, read
 * from public/samples/manifest.json, with their URLs under the site's base. None when the
 * folder is missing, so the widget simply offers no samples.
 */
import { existsSync, readFileSync } from 'node:fs';
import { publicFile } from '../model/sources';
import { parseSampleManifest, SAMPLE_DIR, SAMPLE_MANIFEST, type StreetSample } from '../../data/sample-manifest';

export interface SampleLink extends StreetSample {
  url: string;
  thumbUrl: string;
}

export function sampleLinks(base: string, root = process.cwd()): SampleLink[] {
  const path = publicFile(`${SAMPLE_DIR}/${SAMPLE_MANIFEST}`, root);
  if (!existsSync(path)) return [];
  const manifest = parseSampleManifest(JSON.parse(readFileSync(path, 'utf8')));
  const prefix = `${base.endsWith('/') ? base : `${base}/`}${SAMPLE_DIR}/`;
  return manifest.samples.map((s) => ({ ...s, url: `${prefix}${s.file}`, thumbUrl: `${prefix}${s.thumb}` }));
}
