/**
 * The decoder gallery's networks as the page sees them: a proxy to the engine worker
 * (gallery-host.ts runs there), which sends a frame and gets back each decoder's labels. Answers
 * are kept per frame for the page's life. A worker that dies rejects what was asked of it, and
 * the next question opens the networks in a fresh one (remote-calls.ts, as for the page's model).
 * It has what the model gate shows (model-gate.ts): a description and where it runs.
 */
import type { BackendChoice } from '../../segnet';
import type { DemoFrame } from '../model/demo-frames';
import { ENGINE_CONNECTION, type ModelDescription } from '../model/page-model';
import { RemoteCalls, type WorkerConnection } from '../model/remote-calls';
import type { GalleryCheckpoint, GalleryOpened } from './gallery-host';

/** The engine worker's gallery calls (see ../worker/api.ts). */
export interface GalleryRemote {
  openGallery(checkpoints: GalleryCheckpoint[]): Promise<GalleryOpened & { backend: BackendChoice }>;
  galleryLabels(checkpoints: GalleryCheckpoint[], frame: { splitIndex: number; image: Uint8Array }): Promise<Uint8Array[]>;
  closeGallery(checkpoints: GalleryCheckpoint[]): Promise<void> | void;
}

/** How the proxy reaches the worker; the page uses the engine worker, tests their own. */
export type GalleryConnection = WorkerConnection<GalleryRemote>;

export class GalleryModel {
  private readonly answers = new Map<number, Promise<Uint8Array[]>>();
  private readonly listeners = new Set<(backend: BackendChoice) => void>();
  private readonly calls: RemoteCalls<GalleryRemote>;
  private readonly stopBackendWatch: () => void;
  private current: BackendChoice;

  constructor(
    connection: GalleryConnection,
    readonly checkpoints: GalleryCheckpoint[],
    readonly facts: GalleryOpened,
    backend: BackendChoice,
    readonly description: ModelDescription,
    remote: GalleryRemote,
  ) {
    this.current = backend;
    this.stopBackendWatch =
      connection.onBackend?.((next) => {
        this.current = next;
        for (const listener of [...this.listeners]) listener(next);
      }) ?? (() => undefined);
    this.calls = new RemoteCalls(connection, (r) => r.openGallery(checkpoints), remote, () => this.answers.clear());
  }

  get backend(): BackendChoice {
    return this.current;
  }

  onBackend(listener: (backend: BackendChoice) => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  /** Each decoder's labels for a demo frame, in the checkpoints' order. */
  labels(frame: DemoFrame): Promise<Uint8Array[]> {
    let answer = this.answers.get(frame.splitIndex);
    if (!answer) {
      answer = this.calls.ask((r) => r.galleryLabels(this.checkpoints, { splitIndex: frame.splitIndex, image: frame.image }));
      answer.catch(() => this.answers.delete(frame.splitIndex));
      this.answers.set(frame.splitIndex, answer);
    }
    return answer;
  }

  /** Frees the networks in the worker (the widget went away). */
  close(): void {
    this.stopBackendWatch();
    this.listeners.clear();
    this.calls.close((r) => r.closeGallery(this.checkpoints));
  }
}

/** Opens the gallery's networks in the worker; `describe` words what the status line says of them. */
export async function openGalleryModel(
  checkpoints: GalleryCheckpoint[],
  describe: (facts: GalleryOpened) => ModelDescription,
  connection: GalleryConnection = ENGINE_CONNECTION,
): Promise<GalleryModel> {
  const remote = await connection.remote();
  const { backend, ...facts } = await remote.openGallery(checkpoints);
  return new GalleryModel(connection, checkpoints, facts, backend, describe(facts), remote);
}
