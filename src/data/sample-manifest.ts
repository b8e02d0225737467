/**
 * The format of the sample street pictures the own-image widget offers (public/samples/, written by
 * `npm run render:samples`): scenes drawn by the site's own synthetic generator at a photo's
 * size, free to ship. The manifest lists them; a sample is fetched only when chosen.
 */
export const SAMPLE_DIR = 'samples';
export const SAMPLE_MANIFEST = 'manifest.json';

export interface StreetSample {
  /** The generator's seed: the same seed always draws the same street. */
  seed: number;
  /** The picture, relative to the samples folder. */
  file: string;
  /** Its thumbnail, relative to the samples folder. */
  thumb: string;
}

export interface SampleManifest {
  height: number;
  width: number;
  samples: StreetSample[];
}

/** Checks a parsed manifest's shape, naming the first thing wrong. */
export function parseSampleManifest(value: unknown): SampleManifest {
  const m = value as Partial<SampleManifest> | null;
  if (!m || typeof m !== 'object') throw new Error(`${SAMPLE_DIR}/${SAMPLE_MANIFEST} is not a JSON object`);
  for (const key of ['height', 'width'] as const) {
    if (!Number.isInteger(m[key]) || (m[key] as number) < 1) throw new Error(`${SAMPLE_DIR}/${SAMPLE_MANIFEST}: ${key} must be a positive integer`);
  }
  if (!Array.isArray(m.samples) || m.samples.length === 0) throw new Error(`${SAMPLE_DIR}/${SAMPLE_MANIFEST}: samples must be a non-empty list`);
  m.samples.forEach((s, i) => {
    const ok = s && Number.isInteger(s.seed) && typeof s.file === 'string' && /^[\w.-]+\.jpg$/.test(s.file) && typeof s.thumb === 'string' && /^[\w.-]+\.jpg$/.test(s.thumb);
    if (!ok) throw new Error(`${SAMPLE_DIR}/${SAMPLE_MANIFEST}: sample ${i + 1} needs an integer seed and .jpg file and thumb names`);
  });
  return m as SampleManifest;
}
