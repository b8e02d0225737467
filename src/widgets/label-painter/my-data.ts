/**
 * "Add to my data": a painted photo and its labels join one of the reader's stored datasets
 * (own-my-photos unless told otherwise), which the studio lists and trains on.
 *
 * The rule for splits: the studio trains on train and validates on val, so the first photo
 * painted creates the dataset with that photo in both splits; every later photo goes to
 * train. Frames are stored at the dataset's size: the network's input (the importer's default
 * 96 x 128) when it is created; a photo of another size is brought to it by the importer's
 * rules (area average for the picture, majority vote for the labels).
 */
import type { DatasetStore, StoredDatasetInfo } from '../../data/browser-import';
import { resizeImageArea } from '../../data/resize-image';
import { resizeLabels } from '../../data/resize-labels';
import type { Example } from '../../data/types';

/** The stored dataset painted photos join. */
export const PAINTED_DATASET = 'own-my-photos';

/** A painted photo: height x width x 3 RGB bytes and height x width labels (0..11). */
export interface PaintedPhoto {
  name: string;
  width: number;
  height: number;
  rgb: Uint8Array;
  labels: Uint8Array;
}

/** The photo as an example of a dataset stored at `height` x `width`. */
export function paintedExample(photo: PaintedPhoto, height: number, width: number): Example {
  if (photo.rgb.length !== photo.width * photo.height * 3) throw new Error(`painted photo “${photo.name}”: ${photo.width} x ${photo.height} needs ${photo.width * photo.height * 3} RGB bytes, got ${photo.rgb.length}`);
  if (photo.labels.length !== photo.width * photo.height) throw new Error(`painted photo “${photo.name}”: ${photo.width} x ${photo.height} needs ${photo.width * photo.height} labels, got ${photo.labels.length}`);
  return {
    image: resizeImageArea(photo.rgb, photo.height, photo.width, height, width),
    labels: resizeLabels(photo.labels, photo.height, photo.width, height, width),
  };
}

/** Stores the photo (creating the dataset, train and val, on first use); returns the dataset as listed. */
export async function addPainted(store: DatasetStore, photo: PaintedPhoto, name = PAINTED_DATASET): Promise<{ info: StoredDatasetInfo; created: boolean }> {
  const manifest = await store.manifest(name);
  if (manifest) {
    const info = await store.extend(name, 'train', [paintedExample(photo, manifest.height, manifest.width)]);
    return { info, created: false };
  }
  const example = paintedExample(photo, photo.height, photo.width);
  const writer = store.begin(name, photo.height, photo.width);
  try {
    await writer.add('train', example);
    await writer.add('val', example);
    const info = await writer.commit({
      source: { kind: 'camvid', from: 'photos painted in the label painter', lists: [], limit: null, sourceSize: `${photo.height}x${photo.width}` },
      createdWith: { tool: 'unpooled label painter', version: '1' },
    });
    return { info, created: true };
  } catch (e) {
    await writer.abort().catch(() => undefined);
    throw e;
  }
}
