/**
 * The studio's messages from the engine worker to the page (studio-remote.ts): a run reaches
 * the page as a plain RunView (no network, optimizer or data), the frame strip as copies of the
 * frames and predictions whose buffers are transferred, leaving the worker's own arrays intact.
 * The wire is simulated with structuredClone and its transfer list, as postMessage does.
 */
import { describe, expect, it } from 'vitest';
import type { StripView } from '../../../../src/widgets/training-studio/frame-strip';
import type { StudioRun } from '../../../../src/widgets/training-studio/run';
import { STRIP_FRAMES } from '../../../../src/widgets/training-studio/run-data';
import { DEFAULT_SETTINGS } from '../../../../src/widgets/training-studio/settings';
import { emptyCurves } from '../../../../src/widgets/training-studio/curves';
import { leavingHandOff, progressView, remoteSessionView, runView, stripView, type LeavingCopy, type RunView, type StudioPageView } from '../../../../src/widgets/training-studio/studio-remote';
import { tinySplit } from '../decoder-comparison/tiny-split';

/** The parts of a run the remote view reads (a real one also holds its network and optimizer). */
function fakeRun(valCount = 4): StudioRun {
  const curves = emptyCurves();
  curves.loss = [{ step: 1, value: 2.5 }, { step: 2, value: 2.25 }];
  return {
    settings: { ...DEFAULT_SETTINGS, epochs: 3 },
    progress: { step: 2, epoch: 0, batch: 2 },
    totalSteps: 30,
    batchesPerEpoch: 10,
    finished: false,
    origin: 'Random weights.',
    curves,
    data: { val: tinySplit(valCount, 7, 'val') },
    model: { dispose: () => undefined },
  } as unknown as StudioRun;
}

/** A page that records each call after it crossed a simulated postMessage. */
function wiredPage(): { calls: [string, unknown[]][]; view: ReturnType<typeof remoteSessionView> } {
  const calls: [string, unknown[]][] = [];
  let transfer: Transferable[] = [];
  const page = new Proxy({} as StudioPageView, {
    get: (_, name) => (...args: unknown[]) => {
      calls.push([String(name), structuredClone(args, { transfer })]);
      transfer = [];
    },
  });
  const view = remoteSessionView(page, <T>(value: T, buffers: Transferable[]): T => {
    transfer = buffers;
    return value;
  });
  return { calls, view };
}

describe('runView(run)', () => {
  it('is the run as the page draws it, and survives structuredClone (no network, no data)', () => {
    const run = fakeRun();
    const view: RunView = runView(run);
    expect(structuredClone(view)).toEqual({ settings: run.settings, progress: run.progress, totalSteps: 30, batchesPerEpoch: 10, finished: false, origin: 'Random weights.', curves: run.curves });
    expect(Object.keys(view)).not.toContain('model');
  });
});

describe('stripView(run, predictions)', () => {
  it('copies the first validation frames and their predictions, at the run’s step', () => {
    const run = fakeRun();
    const px = run.data.val.height * run.data.val.width;
    const predictions = [new Uint8Array(px).fill(3), new Uint8Array(px).fill(4), new Uint8Array(px).fill(5), new Uint8Array(px).fill(6)];
    const strip = stripView(run, predictions);
    expect(strip.step).toBe(2);
    expect(strip.frames).toHaveLength(STRIP_FRAMES);
    expect(strip.frames[1]!.image).toEqual(run.data.val.images.subarray(px * 3, px * 6));
    expect(strip.frames[1]!.image.buffer).not.toBe(run.data.val.images.buffer);
    expect(strip.frames[2]!.prediction![0]).toBe(5);
    expect(strip.frames[2]!.prediction!.buffer).not.toBe(predictions[2]!.buffer);
  });

  it('has no predictions and no step before the first validation, and fewer frames when the split is small', () => {
    const strip = stripView(fakeRun(2), null);
    expect(strip.step).toBeNull();
    expect(strip.frames.map((f) => f.prediction)).toEqual([null, null]);
  });
});

describe('remoteSessionView(page, transfer)', () => {
  it('sends the strip’s buffers by transfer and leaves the worker’s frames and predictions usable', () => {
    const run = fakeRun();
    const px = run.data.val.height * run.data.val.width;
    const predictions = Array.from({ length: 4 }, () => new Uint8Array(px).fill(1));
    const { calls, view } = wiredPage();
    view.strip(run, predictions);
    const [name, [strip]] = calls[0]! as [string, [StripView]];
    expect(name).toBe('strip');
    expect(strip.frames[0]!.truth).toEqual(run.data.val.labels.subarray(0, px));
    expect(run.data.val.images.byteLength).toBe(4 * px * 3);
    expect(predictions[0]!.byteLength).toBe(px);
  });

  it('turns each SessionView call into one message, a run into its RunView', () => {
    const run = fakeRun();
    const { calls, view } = wiredPage();
    view.phase('running', run);
    view.phase('idle', null);
    view.progress(run, null);
    view.message('Training.', 'info');
    view.savedRuns([], null);
    expect(calls.map(([n]) => n)).toEqual(['phase', 'phase', 'progress', 'message', 'savedRuns']);
    expect(calls[0]![1]).toEqual(['running', runView(run)]);
    expect(calls[1]![1]).toEqual(['idle', null]);
    const { curves, ...rest } = runView(run);
    expect(calls[2]![1]).toEqual([{ ...rest, lastLoss: 2.25 }, null]);
    expect(curves.loss).toHaveLength(2);
  });

  it('sends the curves once per step: the progress message leaves them out', () => {
    const run = fakeRun();
    const { calls, view } = wiredPage();
    const last = { step: 2, epoch: 0, batch: 2, loss: 2.25, trainIoU: 0.1, msPerStep: 10, imagesPerSecond: 100 };
    view.progress(run, last as never); // what the session sends after a step: progress, then curves
    view.curves(run);
    expect(calls.map(([n]) => n)).toEqual(['progress', 'curves']);
    expect(calls[0]![1][0]).not.toHaveProperty('curves');
    expect(calls[0]![1][0]).toEqual(progressView(run));
    expect((calls[1]![1][0] as RunView).curves).toEqual(run.curves);
  });
});

describe('leavingHandOff(page, transfer)', () => {
  /** A clock the test moves by hand, with the timers it holds. */
  function manualClock() {
    let now = 0;
    const timers = new Map<number, { at: number; run: () => void }>();
    let next = 0;
    return {
      now: () => now,
      later: (run: () => void, ms: number) => {
        timers.set(++next, { at: now + ms, run });
        return next;
      },
      cancel: (timer: unknown) => void timers.delete(timer as number),
      advance(ms: number) {
        now += ms;
        for (const [id, t] of [...timers]) {
          if (t.at <= now) {
            timers.delete(id);
            t.run();
          }
        }
      },
      pending: () => timers.size,
    };
  }
  const step = (n: number): LeavingCopy => ({ info: { key: 'k', step: n, savedAt: 0, title: 't' }, bytes: new Uint8Array([n, n, n]) });

  it('copies and transfers at most one step per interval, the latest, and null at once', () => {
    const clock = manualClock();
    const sent: (LeavingCopy | null)[] = [];
    const transferred: Transferable[][] = [];
    const hand = leavingHandOff({ leaving: (ready) => void sent.push(ready) }, (value, buffers) => (transferred.push(buffers), value), 1000, clock);

    const first = step(1);
    hand(first); // the first step goes at once, as a copy (the keeper keeps its bytes)
    expect(sent.map((r) => r?.info.step)).toEqual([1]);
    expect(sent[0]!.bytes).not.toBe(first.bytes);
    expect(sent[0]!.bytes).toEqual(first.bytes);
    expect(transferred[0]).toEqual([sent[0]!.bytes.buffer]);

    for (let n = 2; n <= 10; n++) {
      clock.advance(100);
      hand(step(n)); // ten steps a second: only the latest is handed when the second ends
    }
    expect(sent).toHaveLength(1);
    clock.advance(100);
    expect(sent.map((r) => r?.info.step)).toEqual([1, 10]);

    clock.advance(200);
    hand(step(11)); // waits for the interval from step 10
    hand(null); // the slot changed: said at once, and step 11 never follows
    expect(sent.map((r) => r?.info.step ?? null)).toEqual([1, 10, null]);
    clock.advance(5000);
    expect(sent).toHaveLength(3);
    expect(clock.pending()).toBe(0);

    hand(step(12)); // a second after the last copy: at once
    expect(sent.at(-1)?.info.step).toBe(12);
  });
});
