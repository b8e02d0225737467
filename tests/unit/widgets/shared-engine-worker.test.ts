/**
 * The page's engine worker (shared/engine-worker.ts) against a fake Worker: a crash after it
 * started (an error or an unreadable message) terminates it, tells every widget listening, and
 * the next engineWorker() starts a fresh one; a widget that stopped listening is not told.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { engineWorker, onEngineCrash, WORKER_CRASHED, WORKER_START_FAILED } from '../../../src/widgets/shared/engine-worker';
import { isStaleChunk } from '../../../src/widgets/shared/stale-chunk';

class FakeWorker extends EventTarget {
  static made: FakeWorker[] = [];
  terminated = false;
  constructor() {
    super();
    FakeWorker.made.push(this);
  }
  postMessage(): void {}
  terminate(): void {
    this.terminated = true;
  }
  ready(): void {
    this.dispatchEvent(new MessageEvent('message', { data: 'engine-worker-ready' }));
  }
}

vi.stubGlobal('Worker', FakeWorker);

afterEach(() => {
  FakeWorker.made = [];
});

describe('engineWorker()', () => {
  it('after a crash, tells each widget listening and starts a fresh worker next time', async () => {
    const first = engineWorker();
    FakeWorker.made[0]!.ready();
    await first;
    const told: string[] = [];
    onEngineCrash((e) => told.push(`studio: ${e.message}`));
    const stop = onEngineCrash((e) => told.push(`race: ${e.message}`));
    stop();
    const crash = new Event('error');
    FakeWorker.made[0]!.dispatchEvent(crash);
    expect(FakeWorker.made[0]!.terminated).toBe(true);
    expect(told).toEqual([`studio: ${WORKER_CRASHED}.`]);
    expect(isStaleChunk(new Error(told[0]))).toBe(false);

    const second = engineWorker();
    expect(FakeWorker.made).toHaveLength(2);
    FakeWorker.made[1]!.ready();
    await second;
    FakeWorker.made[1]!.dispatchEvent(new MessageEvent('messageerror'));
    expect(FakeWorker.made[1]!.terminated).toBe(true);
    expect(told).toHaveLength(2);
  });

  it('rejects with WORKER_START_FAILED when the script does not load (a stale chunk)', async () => {
    const started = engineWorker();
    FakeWorker.made[0]!.dispatchEvent(new Event('error'));
    const error = await started.then(
      () => new Error('the worker started'),
      (e: unknown) => e as Error,
    );
    expect(error.message).toContain(WORKER_START_FAILED);
    expect(isStaleChunk(error)).toBe(true);
  });
});
