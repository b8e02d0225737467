/**
 * The id, and so the URL segment, of a chapter stored as `NN-slug.mdx`: the numeric prefix only
 * keeps the folder listing in reading order, so `01-pixels.mdx` becomes `pixels`.
 */
export function chapterIdFromFile(fileName: string): string {
  return fileName.replace(/\.mdx$/, '').replace(/^\d+-/, '');
}
