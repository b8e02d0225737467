/**
 * The decoder gallery's networks as the page sees them: a proxy to the engine worker
 * (gallery-host.ts runs there), which sends a frame and gets back each decoder's labels. Answers
 * are kept per frame for the page's life. A worker that dies rejects what was asked of it, and
 * the next question opens the networks in a fresh one. It has what the model gate shows
 * (model-gate.ts): a description and where it runs.
 */
import type { BackendChoice } from '../../segnet';
import type { DemoFrame } from '../model/demo-frames';
import type { ModelDescription } from '../model/page-model';
import type { GalleryCheckpoint, GalleryOpened } from './gallery-host';

/** The engine worker's gallery calls (see ../worker/api.ts). */
export interface GalleryRemote {
  openGallery(checkpoints: GalleryCheckpoint[]): Promise<GalleryOpened & { backend: BackendChoice }>;
  galleryLabels(checkpoints: GalleryCheckpoint[], frame: { splitIndex: number; image: Uint8Array }): Promise<Uint8Array[]>;
  closeGallery(checkpoints: GalleryCheckpoint[]): Promise<void> | void;
}

/** How the proxy reaches the worker; the page uses the engine worker, tests their own. */
export interface GalleryConnection {
  remote(): Promise<GalleryRemote>;
  onCrash(listener: (error: Error) => void): () => void;
  onBackend(listener: (backend: BackendChoice) => void): () => void;
}

export class GalleryModel {
  private readonly answers = new Map<number, Promise<Uint8Array[]>>();
  private readonly pending = new Set<(error: Error) => void>();
  private readonly listeners = new Set<(backend: BackendChoice) => void>();
  private readonly stops: (() => void)[];
  private opened: Promise<GalleryRemote> | null;
  private current: BackendChoice;

  constructor(
    private readonly connection: GalleryConnection,
    readonly checkpoints: GalleryCheckpoint[],
    readonly facts: GalleryOpened,
    backend: BackendChoice,
    readonly description: ModelDescription,
    remote: GalleryRemote,
  ) {
    this.current = backend;
    this.opened = Promise.resolve(remote);
    this.stops = [
      connection.onBackend((next) => {
        this.current = next;
        for (const listener of [...this.listeners]) listener(next);
      }),
      connection.onCrash((error) => {
        this.opened = null;
        this.answers.clear();
        for (const reject of [...this.pending]) reject(error);
      }),
    ];
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
      answer = this.ask((r) => r.galleryLabels(this.checkpoints, { splitIndex: frame.splitIndex, image: frame.image }));
      answer.catch(() => this.answers.delete(frame.splitIndex));
      this.answers.set(frame.splitIndex, answer);
    }
    return answer;
  }

  /** Frees the networks in the worker (the widget went away). */
  close(): void {
    for (const stop of this.stops) stop();
    this.listeners.clear();
    void this.opened?.then((r) => r.closeGallery(this.checkpoints)).catch(() => undefined);
  }

  /** A call to the worker, rejected if the worker dies first; after a death, a fresh worker opens the networks again. */
  private ask<T>(call: (remote: GalleryRemote) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const fail = (error: Error): void => {
        this.pending.delete(fail);
        reject(error);
      };
      this.pending.add(fail);
      this.opened ??= this.connection.remote().then(async (r) => {
        await r.openGallery(this.checkpoints);
        return r;
      });
      const opened = this.opened;
      opened.catch(() => {
        if (this.opened === opened) this.opened = null;
      });
      opened.then(call).then(
        (value) => {
          this.pending.delete(fail);
          resolve(value);
        },
        (error: unknown) => fail(error instanceof Error ? error : new Error(String(error))),
      );
    });
  }
}

/** The page's engine worker as the gallery reaches it (its module loads with the first call). */
const ENGINE_CONNECTION: GalleryConnection = {
  remote: async () => (await import('../shared/engine-worker')).engineWorker(),
  onCrash: (listener) => lazyListener((w) => w.onEngineCrash(listener)),
  onBackend: (listener) => lazyListener((w) => w.onEngineWorkerBackend(listener)),
};

function lazyListener(listen: (w: typeof import('../shared/engine-worker')) => () => void): () => void {
  let stop: (() => void) | null = null;
  let stopped = false;
  void import('../shared/engine-worker').then((w) => {
    if (!stopped) stop = listen(w);
  });
  return () => {
    stopped = true;
    stop?.();
  };
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
