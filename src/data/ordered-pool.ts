/** A bounded pool of async jobs whose results are consumed in input order. */

/**
 * Runs `work` on every item with at most `concurrency` jobs in flight, and hands the results
 * to `consume` one at a time, in input order (so output files do not depend on timing).
 * On the first error (or abort) no new job starts; running jobs are awaited, then it throws.
 */
export async function forEachOrdered<T, R>(
  items: readonly T[],
  concurrency: number,
  work: (item: T, index: number) => Promise<R>,
  consume: (result: R, index: number) => Promise<void> | void,
  signal?: AbortSignal,
): Promise<void> {
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new Error(`forEachOrdered: concurrency must be a positive integer, got ${concurrency}`);
  }
  const window: Array<Promise<R>> = [];
  let next = 0;
  const launch = (): void => {
    const i = next++;
    const job = Promise.resolve().then(() => work(items[i]!, i));
    job.catch(() => undefined); // handled when its turn comes, or in the cleanup below
    window.push(job);
  };
  try {
    while (next < items.length && window.length < concurrency) launch();
    for (let i = 0; i < items.length; i++) {
      signal?.throwIfAborted();
      const result = await untilAborted(window.shift()!, signal);
      signal?.throwIfAborted();
      if (next < items.length) launch();
      await consume(result, i);
    }
  } catch (err) {
    await Promise.allSettled(window);
    throw err;
  }
}

/** Settles like `promise`, or rejects as soon as `signal` aborts (a hung job cannot block an abort). */
function untilAborted<R>(promise: Promise<R>, signal: AbortSignal | undefined): Promise<R> {
  if (!signal) return promise;
  return new Promise<R>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (err: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(err);
      },
    );
  });
}
