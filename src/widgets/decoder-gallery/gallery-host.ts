/**
 * The decoder gallery's networks where they run (the engine worker): the trained decoders,
 * each a checkpoint that holds only its decoder and names the encoder it was trained on
 * (`encoderFrom`), built on ONE copy of that encoder (buildSegNet's `sharedEncoder`, as the
 * race does), so five decoders cost one encoder's memory. A frame goes through each decoder in
 * turn, one frame at a time; the labels of the last two frames are kept.
 */
import type * as tf from '@tensorflow/tfjs-core';
import type { DecoderKind, LoadedCheckpoint, SegNetModel } from '../../segnet';
import type { Engine } from '../shared/engine';
import type { FrameInput } from '../model/model-frames';

/** One decoder of the gallery: its kind and its checkpoint's model.json URL. */
export interface GalleryCheckpoint {
  decoder: DecoderKind;
  url: string;
}

/** What the page is told once the gallery's networks are open. */
export interface GalleryOpened {
  /** The networks' input size (every checkpoint's; the frames must have it). */
  height: number;
  width: number;
  /** Steps each decoder was trained, in the checkpoints' order. */
  steps: number[];
}

/** How many frames keep their answers here. */
const KEPT = 2;

export class GalleryHost {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly answers = new Map<number, Promise<Uint8Array[]>>();

  private constructor(
    private readonly engine: Engine,
    private readonly models: SegNetModel[],
    readonly opened: GalleryOpened,
  ) {}

  /**
   * Opens `checkpoints` on `engine` (read by `read`: the site's URLs by default, a folder in
   * Node): the first with its encoder, the others on that encoder.
   * Throws naming the checkpoint that fails to load, or whose encoder, size or kind differs.
   */
  static async open(engine: Engine, checkpoints: readonly GalleryCheckpoint[], read: (url: string) => Promise<LoadedCheckpoint> = (url) => engine.segnet.readCheckpoint(url)): Promise<GalleryHost> {
    if (checkpoints.length === 0) throw new Error('decoder gallery: no decoder checkpoint to open');
    const { segnet } = engine;
    const models: SegNetModel[] = [];
    const steps: number[] = [];
    let encoderFrom: string | undefined;
    try {
      for (const [i, { decoder, url }] of checkpoints.entries()) {
        const loaded = await read(url).catch((e: unknown) => {
          throw new Error(`decoder gallery: the ${decoder} checkpoint ${url} could not be read (${(e as Error).message})`);
        });
        try {
          const { config } = loaded.meta;
          if (config.decoder !== decoder) throw new Error(`decoder gallery: ${url} holds a ${config.decoder} decoder, not ${decoder}`);
          if (i === 0) {
            encoderFrom = loaded.meta.encoderFrom;
            const model = segnet.buildSegNet(config);
            models.push(model);
            segnet.loadMatchingWeights(model, loaded, { strict: true });
          } else {
            const first = models[0]!.config;
            // Only checkpoints that name one encoder checkpoint share it: two full networks have encoders of their own.
            if (encoderFrom === undefined || loaded.meta.encoderFrom !== encoderFrom || config.height !== first.height || config.width !== first.width) {
              throw new Error(
                `decoder gallery: ${url} does not share the first decoder's encoder and size (it takes ${String(loaded.meta.encoderFrom)} at ${config.height}x${config.width}; the first ${String(encoderFrom)} at ${first.height}x${first.width})`,
              );
            }
            const model = segnet.buildSegNet(config, { sharedEncoder: models[0]!.encoder });
            models.push(model);
            // Only the decoder: the encoder's variables are the first network's, read once.
            segnet.loadMatchingWeights(model, loaded, { only: (name) => !name.startsWith('encoder/'), strict: true });
          }
          steps.push(loaded.meta.progress.step);
        } finally {
          disposeAll(loaded.tensors);
        }
      }
    } catch (e) {
      // Decoders first: the first network owns the encoder the others sit on.
      for (const model of models.slice(1)) model.dispose();
      models[0]?.dispose();
      throw e;
    }
    const { height, width } = models[0]!.config;
    return new GalleryHost(engine, models, { height, width, steps });
  }

  /** Every decoder's labels for a frame (height x width each), in the checkpoints' order. */
  labels(frame: FrameInput): Promise<Uint8Array[]> {
    const key = frame.splitIndex;
    const kept = this.answers.get(key);
    if (kept) return kept;
    const { height, width } = this.opened;
    if (frame.image.length !== height * width * 3) {
      return Promise.reject(new Error(`decoder gallery: frame ${key} has ${frame.image.length} bytes, expected ${height} x ${width} x 3`));
    }
    const run = this.queue.then(async () => {
      const input = this.engine.segnet.imagesToTensor(frame.image, 1, height, width);
      try {
        const out: Uint8Array[] = [];
        for (const model of this.models) {
          const [segmentation] = await model.segment(input);
          out.push(Uint8Array.from(segmentation!.labels));
        }
        return out;
      } finally {
        input.dispose();
      }
    });
    this.queue = run.catch(() => undefined);
    run.catch(() => this.answers.delete(key));
    this.answers.set(key, run);
    while (this.answers.size > KEPT) this.answers.delete(this.answers.keys().next().value!);
    return run;
  }

  /** Frees every network (the decoders, then the encoder they share). */
  dispose(): void {
    this.answers.clear();
    for (const model of this.models.slice(1)) model.dispose();
    this.models[0]?.dispose();
  }
}

function disposeAll(tensors: tf.NamedTensorMap): void {
  for (const t of Object.values(tensors)) t.dispose();
}
