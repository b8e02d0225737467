/** Frames as RGBA, and painted into the thumbnails of a FramePicker. */
import { paintRgba } from './dom';

/** Frames of one size, each an H*W*3 RGB image (the model widgets' demo frames, for one). */
export interface ThumbnailFrames {
  height: number;
  width: number;
  frames: readonly { image: Uint8Array }[];
}

/** The photograph as RGBA bytes. */
export function frameRgba(image: Uint8Array, width: number, height: number): Uint8ClampedArray {
  const px = width * height;
  const out = new Uint8ClampedArray(px * 4);
  for (let i = 0; i < px; i++) out.set([image[i * 3]!, image[i * 3 + 1]!, image[i * 3 + 2]!, 255], i * 4);
  return out;
}

export function paintFrameThumbnails(root: Element, frames: ThumbnailFrames): void {
  for (const canvas of root.querySelectorAll<HTMLCanvasElement>('canvas[data-thumb]')) {
    const frame = frames.frames[Number(canvas.dataset.thumb)];
    if (frame) paintRgba(canvas, frameRgba(frame.image, frames.width, frames.height), frames.width, frames.height);
  }
}
