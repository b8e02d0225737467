import * as tf from '@tensorflow/tfjs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as segnet from '../../../../src/segnet';
import { CLASS_NAMES, type DatasetManifest, type SplitData } from '../../../../src/data';
import { holdBackend } from '../../../../src/widgets/shared/backend-sharing';
import type { Engine } from '../../../../src/widgets/shared/engine';
import { activateBackend } from '../../../../src/widgets/training-studio/backend-watch';
import { decodeCheckpointFile, encodeCheckpointFile } from '../../../../src/data/checkpoint-file';
import { emptyCurves } from '../../../../src/widgets/training-studio/curves';
import { exportBytes, readContents, snapshot, weightsChecksum } from '../../../../src/widgets/training-studio/persistence';
import { StudioRun, type RunData } from '../../../../src/widgets/training-studio/run';
import { memoryRunStore, type MemoryRunStore } from '../../../../src/widgets/training-studio/run-store';
import { StudioSession, type Phase, type RunStore, type SessionView } from '../../../../src/widgets/training-studio/session';
import { DEFAULT_SETTINGS, type DatasetOption, type StudioSettings } from '../../../../src/widgets/training-studio/settings';
import { seededRandom, useCpu } from '../../helpers';
import { onceUpdated } from './run-fixture';

/** SegNet-Basic trained at 16 x 16 (half of the 32 x 32 data) on three random frames: steps take ~1-2 s on cpu. */
function split(name: string, seed: number): SplitData {
  const rnd = seededRandom(seed);
  return { name, count: 3, height: 16, width: 16, images: Uint8Array.from({ length: 3 * 256 * 3 }, () => rnd() * 256), labels: Uint8Array.from({ length: 3 * 256 }, () => Math.floor(rnd() * CLASS_NAMES.length)) };
}
/** Median weights of the wrong length: every training step of a run weighted by them throws. */
const BAD_WEIGHTS = [1, 1, 1];
const data: RunData = { name: 'synthetic-32x32', manifest: { height: 32, width: 32, medianFrequencyWeights: BAD_WEIGHTS } as unknown as DatasetManifest, train: split('train', 5), val: split('val', 6) };
const option: DatasetOption = { name: 'synthetic-32x32', url: '/data/synthetic-32x32/', height: 32, width: 32, trainCount: 3 };
const settings: StudioSettings = { ...DEFAULT_SETTINGS, decoder: 'bilinear', data: option.name, res: 'half', batch: 1, epochs: 1, every: 100, init: 'scratch', weights: 'none', opt: 'adam', lr: 0.001 };

let engine: Engine;
beforeAll(async () => {
  await useCpu();
  engine = { tf, segnet, backend: { name: 'cpu', canTrain: true, rejected: [] } };
});

interface MemoryStore extends MemoryRunStore {
  saves: number;
  /** Saves fail with this error's name (QuotaExceededError: the storage is full). */
  failWith: string | null;
}

/** The browser's store in memory, counting saves and failing them on demand. */
function memoryStore(): MemoryStore {
  const base = memoryRunStore();
  const store: MemoryStore = {
    ...base,
    saves: 0,
    failWith: null,
    async save(info, bytes) {
      if (store.failWith) throw new DOMException('The quota has been exceeded.', store.failWith);
      await base.save.call(store, info, bytes);
      store.saves++;
    },
  };
  return store;
}

/** Puts `run` into `store` under `key`, as another run's save (not counted among the session's saves). */
async function putRun(store: MemoryStore, key: string, run: StudioRun): Promise<void> {
  store.runs.set(key, { info: { key, step: run.progress.step, savedAt: Date.now(), title: 'other' }, bytes: encodeCheckpointFile(await snapshot(run)) });
}

/** The checkpoint saved under `key`. */
async function readRun(store: MemoryStore, key: string) {
  return readContents(engine, decodeCheckpointFile((await store.read(key))!, 'saved'), 'saved');
}

interface Recorder extends SessionView {
  messages: { text: string; kind: string }[];
  phases: Phase[];
  /** Resolves with the first message (from now on) that `match` accepts. */
  next(match: (text: string, kind: string) => boolean): Promise<string>;
}

function recorder(onPhase: (p: Phase) => void = () => undefined): Recorder {
  const waiting: { match: (t: string, k: string) => boolean; resolve: (t: string) => void }[] = [];
  const view: Recorder = {
    messages: [],
    phases: [],
    next: (match) => new Promise((resolve) => waiting.push({ match, resolve })),
    phase: (p) => {
      view.phases.push(p);
      onPhase(p);
    },
    message: (text, kind = 'info') => {
      view.messages.push({ text, kind });
      for (const w of waiting.splice(0)) {
        if (w.match(text, kind)) w.resolve(text);
        else waiting.push(w);
      }
    },
    progress: () => undefined,
    curves: () => undefined,
    strip: () => undefined,
    checksum: () => undefined,
    backend: () => undefined,
    deviceLost: () => undefined,
    settings: () => undefined,
    savedRuns: () => undefined,
  };
  return view;
}

/** A run that looks trained (step 2, one Adam update), as a previous run's save would be. */
function previousRun(): StudioRun {
  const { model, optimizer } = onceUpdated(settings, data);
  return new StudioRun(engine, settings, model, optimizer, data, { step: 2, epoch: 0, batch: 2 }, { ...emptyCurves(), loss: [{ step: 2, value: 2 }] }, 'previous');
}

let sessions: StudioSession[] = [];
function session(
  view: SessionView,
  store: RunStore,
  extra: { onLost?: (lost: (m: string) => void) => void; activate?: typeof activateBackend; leaving?: (ready: unknown) => void } = {},
): StudioSession {
  const s = new StudioSession(engine, 'test', { datasets: [option], pretrainedUrl: null }, view, {
    store,
    loadData: async () => data,
    activate: extra.activate ?? activateBackend,
    watchDevice: (_, onLost) => {
      extra.onLost?.(onLost);
      return () => undefined;
    },
    ...(extra.leaving ? { leaving: extra.leaving } : {}),
  });
  sessions.push(s);
  return s;
}

afterEach(async () => {
  for (const s of sessions) {
    await s.stop().catch(() => undefined);
    s.current?.dispose();
    s.dispose();
  }
  sessions = [];
});

describe('StudioSession', () => {
  it('after a failed step of a run never saved, does not roll back into the previous run’s save (nor overwrite it)', async () => {
    const store = memoryStore();
    const old = previousRun();
    await putRun(store, 'test/old', old);
    const oldSum = await weightsChecksum(old.model);
    old.dispose();
    const view = recorder();
    const s = session(view, store);
    const failed = view.next((_, kind) => kind === 'error');
    await s.start({ ...settings, weights: 'median' }); // every step throws: the weights do not fit the classes
    const text = await failed;
    expect(text).toContain('Paused at step 0');
    expect(text).toContain('never saved');
    expect(s.current!.progress).toEqual({ step: 0, epoch: 0, batch: 0 });
    expect(s.current!.curves.loss).toEqual([]);
    // The previous run's save is untouched, and nothing replaced it.
    expect(store.saves).toBe(0);
    const kept = await readRun(store, 'test/old');
    expect(kept.meta.progress.step).toBe(2);
    tf.dispose(Object.values(kept.tensors));
    expect(await weightsChecksum(s.current!.model)).not.toBe(oldSum);
  }, 60_000);

  it('after a failed step, does not roll back into a save of another run (one saved over it meanwhile)', async () => {
    const store = memoryStore();
    let s: StudioSession | null = null;
    let pausing: Promise<void> | null = null;
    const view = recorder((p) => {
      if (p === 'running' && !pausing && s) pausing = s.pause();
    });
    s = session(view, store);
    const bad = { ...settings, weights: 'median' as const }; // every step throws
    await s.start(bad);
    await pausing; // saved at step 0
    expect(store.saves).toBe(1);
    const other = previousRun(); // the same network, other settings (no class weights)
    await putRun(store, store.memory!, other); // as a tab that ignores the locks would
    other.dispose();
    const failed = view.next((_, kind) => kind === 'error');
    await s.resume(bad);
    const text = await failed;
    expect(text).toContain('The save in this browser is of another run, so it was not used');
    expect(s.current!.progress.step).toBe(0);
    expect(s.current!.curves.loss).toEqual([]);
  }, 60_000);

  it('resumes with a new learning rate and more epochs in the same loop: same step counter, same optimizer', async () => {
    const store = memoryStore();
    const steps: [number, number][] = [];
    let s: StudioSession | null = null;
    let pausing: Promise<void> | null = null;
    const view = recorder();
    view.progress = (_run, p) => {
      if (!p) return;
      steps.push([p.step, p.learningRate]);
      if (p.step === 1 && !pausing) pausing = s!.pause();
    };
    s = session(view, store);
    const paused = view.next((text) => text.startsWith('Paused at step'));
    await s.start(settings); // 3 frames, batch 1: 3 steps an epoch
    await paused;
    await pausing;
    const run = s.current!;
    const loop = (s as unknown as { loop: Promise<void> | null }).loop;
    expect(run.progress.step).toBe(1);
    const finished = view.next((text) => text.startsWith('Finished'));
    await s.resume({ ...settings, lr: 0.01, epochs: 2 });
    expect((s as unknown as { loop: Promise<void> | null }).loop).toBe(loop);
    await finished;
    expect(s.current).toBe(run);
    expect(steps).toEqual([[1, 0.001], [2, 0.01], [3, 0.01], [4, 0.01], [5, 0.01], [6, 0.01]]);
    expect(run.optimizer.updates).toBe(6);
  }, 120_000);

  it('after the device is lost, refuses Import and Export and saves nothing', async () => {
    const store = memoryStore();
    const other = previousRun();
    const file = new File([(await exportBytes(other)).slice().buffer], 'other.unpooled');
    other.dispose();
    let lose: (m: string) => void = () => undefined;
    const view = recorder();
    const s = session(view, store, { onLost: (l) => (lose = l) });
    await s.start(settings);
    await s.pause();
    const savesBefore = store.saves;
    const stepBefore = s.current!.progress.step;
    lose('The WebGL context was lost.');
    await s.importFile(file);
    expect(view.messages.at(-1)).toEqual({ text: expect.stringContaining('"other.unpooled" was not imported') as string, kind: 'error' });
    expect(s.current!.progress.step).toBe(stepBefore);
    expect(s.current!.origin).not.toBe('previous');
    await expect(s.exportFile()).rejects.toThrow('Nothing was exported');
    expect(store.saves).toBe(savesBefore);
  }, 60_000);

  it('shows an imported run even when saving it in this browser fails, and says so', async () => {
    const store = memoryStore();
    const other = previousRun();
    const file = new File([(await exportBytes(other)).slice().buffer], 'other.unpooled');
    other.dispose();
    const view = recorder();
    const s = session(view, store);
    store.failWith = 'QuotaExceededError';
    await s.importFile(file);
    expect(s.current!.origin).toBe('previous');
    expect(s.current!.progress.step).toBe(2);
    expect(s.phase).toBe('paused');
    const last = view.messages.at(-1)!;
    expect(last.kind).toBe('warning');
    expect(last.text).toContain('Imported "other.unpooled" at step 2, but saving it in this browser failed (the browser’s storage for this site is full)');
    expect(last.text).toContain('export it to keep it');
  }, 60_000);

  it('deleting the open run’s save tells the page to drop its leaving copy, so pagehide does not write it back', async () => {
    const store = memoryStore();
    const before = previousRun();
    await putRun(store, 'test-open', before);
    before.dispose();
    const handed: unknown[] = [];
    const view = recorder();
    const s = session(view, store, { leaving: (ready) => handed.push(ready) });
    expect(await s.restoreSaved()).toBe(true);
    const told = handed.length;
    await s.removeSaved('test-open');
    expect(store.runs.has('test-open')).toBe(false);
    expect(handed.slice(told)).toEqual([null]);
    expect(s.current).not.toBeNull(); // the run stays open
  }, 60_000);

  it('pauses cleanly when Pause comes before the first step', async () => {
    const store = memoryStore();
    let s: StudioSession | null = null;
    let pausing: Promise<void> | null = null;
    // Pause the moment the loop is launched, before its first step (as a click during the first load would).
    const view = recorder((p) => {
      if (p === 'running' && !pausing && s) pausing = s.pause();
    });
    s = session(view, store);
    await s.start(settings);
    expect(pausing).not.toBeNull();
    await pausing;
    expect(s.phase).toBe('paused');
    expect(s.current!.progress.step).toBe(0);
    expect(view.messages.at(-1)!.text).toBe('Paused at step 0.');
    expect(store.saves).toBe(1); // the pause saved the run
  }, 60_000);

  it('says a finished run is saved only when its last save succeeded', async () => {
    const store = memoryStore();
    store.failWith = 'QuotaExceededError';
    const view = recorder();
    const s = session(view, store);
    const finished = view.next((text) => text.startsWith('Finished'));
    await s.start({ ...settings, every: 1 });
    expect(await finished).toBe('Finished: 1 epochs, 3 steps. Not saved in this browser: export it to keep it.');
    expect(view.messages.some((m) => m.kind === 'warning' && m.text.startsWith('Saving in this browser failed (the browser’s storage for this site is full). Nothing of this run is saved in this browser yet. Saving is off until there is room; training goes on.'))).toBe(true);
    store.failWith = null;
    const again = view.next((text) => text.startsWith('Finished'));
    await s.start({ ...settings, every: 1 });
    expect(await again).toBe('Finished: 1 epochs, 3 steps. Saved in this browser.');
  }, 120_000);

  it('keeps Resume off (phase busy) until the pause’s save has ended', async () => {
    const store = memoryStore();
    const phasesWhileSaving: Phase[] = [];
    let s: StudioSession | null = null;
    const save = store.save.bind(store);
    store.save = async (info, bytes) => {
      phasesWhileSaving.push(s!.phase);
      await save(info, bytes);
      phasesWhileSaving.push(s!.phase);
    };
    s = session(recorder(), store);
    await s.start(settings);
    await s.pause();
    expect(phasesWhileSaving).toEqual(['busy', 'busy']);
    expect(s.phase).toBe('paused');
    // The same for the save of an imported run.
    const other = previousRun();
    const file = new File([(await exportBytes(other)).slice().buffer], 'other.unpooled');
    other.dispose();
    phasesWhileSaving.length = 0;
    await s.importFile(file);
    expect(phasesWhileSaving).toEqual(['busy', 'busy']);
    expect(s.phase).toBe('paused');
  }, 60_000);

  it('refuses a backend switch while another widget trains on the page’s backend', async () => {
    const store = memoryStore();
    const view = recorder();
    const tried: string[] = [];
    const s = session(view, store, {
      activate: async (e, choice) => {
        tried.push(choice);
        return activateBackend(e, choice);
      },
    });
    await s.start(settings);
    await s.pause();
    const run = s.current;
    const release = holdBackend('the decoder comparison');
    try {
      await s.switchBackend('cpu');
    } finally {
      release();
    }
    expect(tried).toEqual([]);
    expect(s.current).toBe(run);
    expect(s.phase).toBe('paused');
    expect(view.messages.at(-1)).toEqual({ text: 'The backend serves the whole page, and the decoder comparison is training on it: pause that first, then switch.', kind: 'warning' });
    await s.switchBackend('cpu');
    expect(tried).toEqual(['cpu']);
    expect(engine.backend.name).toBe('cpu');
  }, 60_000);

  it('refuses each crafted file that a valid checksum vouches for, keeping the open run and every save', async () => {
    const store = memoryStore();
    const view = recorder();
    const s = session(view, store);
    const good = previousRun();
    await s.importFile(new File([(await exportBytes(good)).slice().buffer], 'good.unpooled'));
    const openKey = store.memory!;
    const sum = await weightsChecksum(s.current!.model);
    const savedBytes = store.runs.get(openKey)!.bytes;
    type Meta = { progress: Record<string, unknown>; optimizer: { config: { kind: string }; updates: number }; extra: { curves: Record<string, unknown> } };
    const craft = async (name: string, change: (meta: Meta) => void, weights?: (w: Float32Array) => void): Promise<File> => {
      const contents = await snapshot(good);
      contents.json = structuredClone(contents.json); // its objects are the run's own
      change(contents.json.modelTopology as unknown as Meta);
      if (weights) weights(new Float32Array(contents.weights.buffer, contents.weights.byteOffset, 16));
      return new File([encodeCheckpointFile(contents).slice().buffer], name);
    };
    const many = Array.from({ length: 300_000 }, (_, i) => ({ step: i + 1, value: 1 }));
    const cases: [File, string][] = [
      [await craft('negative.unpooled', (m) => (m.progress.step = -50)), '"negative.unpooled" claims a step of -50, not a whole number ≥ 0; nothing was changed.'],
      [await craft('huge.unpooled', (m) => (m.progress.step = 1e15)), '"huge.unpooled" claims step 1000000000000000, which is not epoch 0 × 3 batches + batch 2; nothing was changed.'],
      [await craft('missing.unpooled', (m) => delete m.progress.step), '"missing.unpooled" claims a step of missing, not a whole number ≥ 0; nothing was changed.'],
      [await craft('nan-step.unpooled', (m) => (m.progress.step = 'NaN')), '"nan-step.unpooled" claims a step of "NaN", not a whole number ≥ 0; nothing was changed.'],
      [await craft('nan-weights.unpooled', () => undefined, (w) => (w[3] = NaN)), '"nan-weights.unpooled" holds NaN or infinite values in'],
      [await craft('opt.unpooled', (m) => (m.optimizer.config.kind = 'momentum')), '"opt.unpooled" holds "momentum" optimizer state, but its settings say adam; nothing was changed.'],
      [await craft('matrix.unpooled', (m) => (m.extra.curves.validation = { step: 2, classIoU: Array(11).fill(0.5), confusion: 7, meanIoU: 0.5 })), '"matrix.unpooled" holds a confusion matrix that is not 11 × 11 pixel counts; nothing was changed.'],
      [await craft('long.unpooled', (m) => (m.extra.curves.loss = many)), '"long.unpooled" holds 300,000 loss points; a run keeps at most 4,000; nothing was changed.'],
    ];
    good.dispose();
    for (const [file, message] of cases) {
      await expect(s.importFile(file), file.name).rejects.toThrow(message);
      expect(s.current!.origin).toBe('previous');
      expect(await weightsChecksum(s.current!.model)).toBe(sum);
      expect(store.memory).toBe(openKey);
      expect([...store.runs.keys()]).toEqual([openKey]);
      expect(store.runs.get(openKey)!.bytes).toBe(savedBytes);
    }
  }, 120_000);

  it('holds as many tensors after ten imports and ten backend switches as after the first', async () => {
    const store = memoryStore();
    const s = session(recorder(), store);
    const run = previousRun();
    const file = new File([(await exportBytes(run)).slice().buffer], 'run.unpooled');
    run.dispose();
    await s.importFile(file);
    const afterFirstImport = tf.memory().numTensors;
    for (let i = 0; i < 10; i++) await s.importFile(file);
    expect(tf.memory().numTensors).toBe(afterFirstImport);
    await s.switchBackend('cpu');
    const afterFirstSwitch = tf.memory().numTensors;
    for (let i = 0; i < 10; i++) await s.switchBackend('cpu');
    expect(tf.memory().numTensors).toBe(afterFirstSwitch);
    expect(afterFirstSwitch).toBe(afterFirstImport);
  }, 60_000);

  it('keeps the run in memory when the chosen backend and the automatic choice fail, rebuilding it on cpu', async () => {
    const store = memoryStore();
    const view = recorder();
    const tried: string[] = [];
    const s = session(view, store, {
      activate: async (e, choice) => {
        tried.push(choice);
        if (choice !== 'cpu') throw new Error(`${choice} is unavailable`);
        return activateBackend(e, choice);
      },
    });
    await s.start(settings);
    await s.pause();
    const sum = await weightsChecksum(s.current!.model);
    const step = s.current!.progress.step;
    await s.switchBackend('webgl');
    expect(tried).toEqual(['webgl', 'auto', 'cpu']);
    expect(s.current).not.toBeNull();
    expect(s.current!.progress.step).toBe(step);
    expect(await weightsChecksum(s.current!.model)).toBe(sum);
    expect(s.phase).toBe('paused');
    expect(view.messages.at(-1)!.text).toContain('Now on cpu');
  }, 60_000);
});
