/**
 * Where the page's network came from, as facts that cross from the engine worker to the page
 * (which words them in its language, see page-model.ts). Free of TF.js and of the catalogues.
 */
import type { CheckpointMeta, SegNetOptions } from '../../segnet';

/** The model every widget shows: the paper's SegNet-Basic at the embedded data's size. */
export const PAGE_MODEL_CONFIG: SegNetOptions = Object.freeze({
  encoder: 'basic',
  decoder: 'segnet',
  height: 96,
  width: 128,
  seed: 1,
});

/** A checkpoint that cannot stand in for the page's model: what it is, and what was wanted. */
export interface CheckpointFit {
  encoder: string;
  size: string;
  wantEncoder: string;
  wantSize: string;
}

/** A trained checkpoint, or why an untrained network runs instead. */
export type ModelOrigin =
  | { trained: true; steps: number; dataset: string | null }
  | { trained: false; why: 'no-checkpoint' }
  | { trained: false; why: 'unfit'; fit: CheckpointFit }
  | { trained: false; why: 'failed'; error: string };

/** Whether a checkpoint's model can stand in for the page's model (same frame size and encoder); null when it can. */
export function checkpointFit(meta: CheckpointMeta): CheckpointFit | null {
  const { encoder, height, width } = meta.config;
  const want = PAGE_MODEL_CONFIG;
  if (encoder !== want.encoder || height !== want.height || width !== want.width) {
    return { encoder, size: `${height}x${width}`, wantEncoder: String(want.encoder), wantSize: `${want.height}x${want.width}` };
  }
  return null;
}
