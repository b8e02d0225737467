/**
 * Build-time only (imported by ModelFallback.astro and scripts/render-fallbacks.ts, never by
 * browser code): the precomputed figures that stand in for a model widget while its network is
 * held (no WebGL or WebGPU, a small screen, save-data). `npm run render:fallbacks` renders them
 * from the page model's checkpoint on the demo frames (synthetic data only) into public/fallbacks/.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Locale } from '../../i18n';
import { publicFile } from './sources';

/** Folder of the figures and their manifest, relative to public/. */
export const FALLBACK_DIR = 'fallbacks';
export const FALLBACK_MANIFEST = `${FALLBACK_DIR}/manifest.json`;

/** The widgets that have a precomputed figure (their custom element names). */
export const FALLBACK_WIDGETS = ['label-overlay', 'architecture-explorer', 'decoder-side-by-side', 'boundary-f1-demo', 'encoder-stage-stepper', 'pixel-provenance', 'decoder-gallery'] as const;
export type FallbackWidget = (typeof FALLBACK_WIDGETS)[number];

/** A figure's words in one language. */
export interface FallbackWords {
  /** What the picture shows, for screen readers. */
  alt: string;
  /** The sentence under it: what it is and that it was computed ahead of time. */
  caption: string;
}

/** One figure: a file under public/fallbacks/ with its pixel size and words (English, and each other language's). */
export interface FallbackImage extends FallbackWords {
  file: string;
  width: number;
  height: number;
  translations?: Partial<Record<Exclude<Locale, 'en'>, FallbackWords>>;
}

export interface FallbackManifest {
  /** The model the figures were rendered with, e.g. "SegNet-Basic, pretrained checkpoint (384 steps)". */
  model: string;
  images: Partial<Record<FallbackWidget, FallbackImage>>;
}

/** Checks a parsed manifest; throws naming the first bad field. */
export function parseFallbackManifest(value: unknown): FallbackManifest {
  const m = value as Partial<FallbackManifest> | null;
  if (!m || typeof m.model !== 'string' || typeof m.images !== 'object' || m.images === null) {
    throw new Error(`${FALLBACK_MANIFEST}: expected { model, images }`);
  }
  for (const [name, image] of Object.entries(m.images)) {
    if (!(FALLBACK_WIDGETS as readonly string[]).includes(name)) throw new Error(`${FALLBACK_MANIFEST}: unknown widget "${name}"`);
    const i = image as Partial<FallbackImage>;
    const ok = typeof i.file === 'string' && /^[\w.-]+$/.test(i.file) && Number.isInteger(i.width) && Number.isInteger(i.height) && !!i.alt && !!i.caption;
    if (!ok) throw new Error(`${FALLBACK_MANIFEST}: images["${name}"] needs file, integer width and height, alt and caption`);
    for (const [locale, words] of Object.entries(i.translations ?? {})) {
      if (!words?.alt || !words.caption) throw new Error(`${FALLBACK_MANIFEST}: images["${name}"].translations.${locale} needs alt and caption`);
    }
  }
  return m as FallbackManifest;
}

/**
 * A widget's figure with its URL, as of this build, its alt and caption in `locale` (English
 * where the manifest has no words in it); null when the site was built without the figure.
 */
export function fallbackImage(widget: FallbackWidget, base: string, root = process.cwd(), locale: Locale = 'en'): (FallbackImage & { src: string }) | null {
  const manifestPath = publicFile(FALLBACK_MANIFEST, root);
  if (!existsSync(manifestPath)) return null;
  const image = parseFallbackManifest(JSON.parse(readFileSync(manifestPath, 'utf8'))).images[widget];
  if (!image || !existsSync(publicFile(`${FALLBACK_DIR}/${image.file}`, root))) return null;
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const words = locale === 'en' ? null : image.translations?.[locale];
  return { ...image, ...(words ? { alt: words.alt, caption: words.caption } : {}), src: `${prefix}${FALLBACK_DIR}/${image.file}` };
}
