/** Image sizes written "HxW" (height first, as in "360x480"), as the CLIs and folder names use them. */

/** A frame size in pixels. */
export interface ImageSize {
  height: number;
  width: number;
}

/**
 * Parses "HxW" (e.g. "180x240").
 * @param what names the option or field in error messages, e.g. "--size".
 */
export function parseImageSize(text: string, what = 'size'): ImageSize {
  const m = /^\s*(\d+)\s*x\s*(\d+)\s*$/i.exec(text);
  if (!m) throw new Error(`${what}: expected HxW such as 180x240, got "${text}"`);
  const height = Number(m[1]);
  const width = Number(m[2]);
  if (height < 1 || width < 1 || height > 4096 || width > 4096) {
    throw new Error(`${what}: height and width must be in 1..4096, got "${text}"`);
  }
  return { height, width };
}

/** Formats a size as "HxW". */
export function formatImageSize(size: ImageSize): string {
  return `${size.height}x${size.width}`;
}
