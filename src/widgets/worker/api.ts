/**
 * The engine worker's interface, as the page sees it through comlink: one entry per widget
 * kind that runs there. A widget opens its session (plain facts come back), then asks for the
 * session itself, which reaches the page as a comlink proxy whose methods return promises.
 * The model widgets' network (ModelRemote, see ../model/page-model.ts) is asked by its
 * checkpoint's URL: each call returns plain data, its typed arrays transferred.
 */
import type { ProxyMarked } from 'comlink';
import type { RaceHost, RaceInit } from '../decoder-comparison/race-host';
import type { RacePageView } from '../decoder-comparison/race-remote';
import type { StudioInit, StudioOpened } from '../training-studio/studio-host';
import type { StudioPageView } from '../training-studio/studio-remote';
import type { StudioSession } from '../training-studio/session';
import type { ModelRemote } from '../model/page-model';
import type { BackendChoice } from '../../segnet';
import type { GalleryCheckpoint, GalleryOpened } from '../decoder-gallery/gallery-host';
import type { FrameInput } from '../model/model-frames';

export interface WorkerApi extends ModelRemote {
  /** Loads the engine (once per worker) and opens the training studio `init.id`, reporting to `page`. */
  openStudio(init: StudioInit, page: StudioPageView): Promise<Omit<StudioOpened, 'session'>>;
  /** The studio `id` opened by openStudio (a comlink proxy on the page). */
  studio(id: string): StudioSession & ProxyMarked;
  /** Disposes of the studio `id` and forgets it (its widget went away). */
  closeStudio(id: string): void;
  /** A decoder race reporting to `page`; its engine, data and encoder load on its first prepare or start. */
  openRace(init: RaceInit, page: RacePageView): Promise<RaceHost & ProxyMarked>;
  /** Opens the decoder gallery's networks (once per list of checkpoints): their size, and where they run. */
  openGallery(checkpoints: GalleryCheckpoint[]): Promise<GalleryOpened & { backend: BackendChoice }>;
  /** Every gallery decoder's labels for a frame, in the checkpoints' order (opens them first if needed). */
  galleryLabels(checkpoints: GalleryCheckpoint[], frame: FrameInput): Promise<Uint8Array[]>;
  /** Frees the gallery's networks of these checkpoints. */
  closeGallery(checkpoints: GalleryCheckpoint[]): Promise<void>;
  /** Calls `listener` (a comlink proxy) after every switch of the worker's TF.js backend, for the worker's life. */
  watchBackend(listener: ((backend: BackendChoice) => void) & ProxyMarked): void;
}
