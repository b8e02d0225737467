/**
 * Calls to a network in the engine worker that survive the worker's death: each call is
 * rejected (with the worker's own error, worded on the page) if the worker dies before it
 * answers, and the next call starts a fresh worker and opens the network there again. Shared by
 * the page's model (page-model.ts) and the decoder gallery's networks.
 */
import type { BackendChoice } from '../../segnet';

/** How a proxy reaches the worker; the page uses the engine worker, tests their own. */
export interface WorkerConnection<R> {
  /** The worker's calls (the worker starts on the first). */
  remote(): Promise<R>;
  /** Calls `listener` when the worker dies; returns a function that stops listening. */
  onCrash(listener: (error: Error) => void): () => void;
  /**
   * Calls `listener` when the worker's TF.js backend switches (the training studio's Backend
   * menu moves every network in the worker); returns a function that stops listening.
   */
  onBackend?(listener: (backend: BackendChoice) => void): () => void;
}

export class RemoteCalls<R> {
  private readonly pending = new Set<(error: Error) => void>();
  private opened: Promise<R> | null;
  private readonly stopCrashWatch: () => void;

  /**
   * `remote` is the worker whose network is open already; `open` opens it again in a fresh
   * worker; `crashed` runs when the worker dies (the owner forgets what it kept).
   */
  constructor(
    private readonly connection: WorkerConnection<R>,
    private readonly open: (remote: R) => Promise<unknown>,
    remote: R,
    crashed: () => void,
  ) {
    this.opened = Promise.resolve(remote);
    this.stopCrashWatch = connection.onCrash((error) => {
      this.opened = null;
      crashed();
      for (const reject of [...this.pending]) reject(error);
    });
  }

  /** A call to the worker, rejected if the worker dies first; after a death, a fresh worker opens the network again. */
  ask<T>(call: (remote: R) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const fail = (error: Error): void => {
        this.pending.delete(fail);
        reject(error);
      };
      this.pending.add(fail);
      this.opened ??= this.connection.remote().then(async (r) => {
        await this.open(r);
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

  /** Stops watching the worker and runs `last` on it if it is open (to free the network there). */
  close(last: (remote: R) => unknown): void {
    this.stopCrashWatch();
    void this.opened?.then(last).catch(() => undefined);
  }
}
