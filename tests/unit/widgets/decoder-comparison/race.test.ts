/**
 * The decoder race's state machine with real steps on the cpu backend: three decoders on a
 * 2-channel SegNet-Basic encoder at 16 x 16. Start, pause after the step in flight, resume from
 * the same networks, reset to fresh ones, rebuild on new settings, and stop by itself on a NaN
 * loss, a failed step, a lost device or a hidden page, saying why each time.
 */
import * as tf from '@tensorflow/tfjs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as segnet from '../../../../src/segnet';
import type { DatasetManifest, RoadSceneDataset } from '../../../../src/data';
import * as lib from '../../../../src/widgets/decoder-comparison/comparison-engine';
import { RANDOM_ENCODER_SUMMARY, type EncoderSource } from '../../../../src/widgets/decoder-comparison/encoder-source';
import { HIDDEN, PAUSING, RaceSession, type ComparisonLib, type Race, type RacePhase, type RaceView } from '../../../../src/widgets/decoder-comparison/race';
import { comparisonCodec, PRESETS, type ComparisonState } from '../../../../src/widgets/decoder-comparison/state';
import type { SizeFacts } from '../../../../src/widgets/decoder-comparison/facts';
import { messages } from '../../../../src/i18n';
import { backendHolders } from '../../../../src/widgets/shared/backend-sharing';
import type { Engine } from '../../../../src/widgets/shared/engine';
import { useCpu } from '../../helpers';
import { SIZE, tinySplit } from './tiny-split';

const WEIGHTS = Array.from({ length: 11 }, () => 1);
/** Ten validation frames: the race scores SCORED_FRAMES 0..9. */
const dataset = (weights: number[] = WEIGHTS): RoadSceneDataset => ({
  manifest: { height: SIZE, width: SIZE, medianFrequencyWeights: weights } as unknown as DatasetManifest,
  splits: { train: tinySplit(4, 1, 'train'), val: tinySplit(10, 2, 'val') },
});
const RANDOM: EncoderSource = { tensors: null, summary: RANDOM_ENCODER_SUMMARY, notice: 'no checkpoint' };

let engine: Engine;
beforeAll(async () => {
  await useCpu();
  engine = { tf, segnet, backend: { name: 'cpu', canTrain: true, rejected: [] } };
});

interface Recorder extends RaceView {
  messages: string[];
  phases: RacePhase[];
  steps: number[];
  refreshes: number[];
  status: string[];
  facts: SizeFacts[];
  /** Resolves when `match` accepts a reported step (from now on). */
  step(match: (step: number) => boolean): Promise<number>;
}

function recorder(onStep: (step: number) => void = () => undefined): Recorder {
  const waiting: { match: (s: number) => boolean; resolve: (s: number) => void }[] = [];
  const view: Recorder = {
    messages: [],
    phases: [],
    steps: [],
    refreshes: [],
    status: [],
    facts: [],
    step: (match) => new Promise((resolve) => waiting.push({ match, resolve })),
    phase: (p) => view.phases.push(p),
    message: (text) => view.messages.push(text),
    building: () => view.status.push('loading'),
    built: (race, encoder, backend, facts) => {
      view.status.push(`ready: ${encoder.summary}; ${race.state.decoders.length} decoders; ${backend.name}`);
      view.facts.push(facts);
    },
    stepped: (race: Race) => {
      view.steps.push(race.log.step);
      onStep(race.log.step);
      for (const w of waiting.splice(0)) {
        if (w.match(race.log.step)) w.resolve(race.log.step);
        else waiting.push(w);
      }
    },
    refreshed: (race) => view.refreshes.push(race.log.step),
    failed: (text) => view.status.push(`failed: ${text}`),
    backend: () => undefined,
  };
  return view;
}

interface Setup {
  settings?: Partial<ComparisonState>;
  data?: RoadSceneDataset;
  /** Datasets by name (the reader's stored ones); `data` (or the default) is the synthetic scenes. */
  stored?: Record<string, RoadSceneDataset>;
  /** Each data name the race loads, and each it reads an encoder for. */
  loads?: string[];
  encoderReads?: string[];
  encoderKey?: (data: string) => string;
  lib?: ComparisonLib;
  encoder?: EncoderSource;
  /** The scratch preset's length (shortened: its real length takes minutes here). */
  presetSteps?: number;
  /** Called whenever the race reads the pretrained encoder. */
  onEncoderRead?: () => void;
  onLost?: (lost: (reason: string) => void) => void;
}

let sessions: RaceSession[] = [];
function race(view: RaceView, setup: Setup = {}): { session: RaceSession; settings: ComparisonState } {
  const settings: ComparisonState = { ...comparisonCodec.defaults, resolution: 'full', every: 100, learningRate: 0.01, ...setup.settings };
  const session = new RaceSession(
    view,
    {
      load: async () => ({ engine, lib: setup.lib ?? lib }),
      loadData: async (name) => {
        setup.loads?.push(name);
        if (name === 'synthetic') return setup.data ?? dataset();
        const own = setup.stored?.[name];
        if (!own) throw new Error(`no stored dataset named "${name}" in this browser`);
        return own;
      },
      loadEncoder: async (_, name) => {
        setup.encoderReads?.push(name);
        setup.onEncoderRead?.();
        return setup.encoder ?? RANDOM;
      },
      settings: () => settings,
      ...(setup.encoderKey ? { encoderKey: setup.encoderKey } : {}),
      watchDevice: (_, onLost) => {
        setup.onLost?.(onLost);
        return () => undefined;
      },
      onBackend: () => () => undefined,
    },
    { network: { basicChannels: 2, atrousRate: 2 }, presetSteps: setup.presetSteps },
  );
  sessions.push(session);
  return { session, settings };
}

afterEach(async () => {
  for (const s of sessions) await s.dispose();
  sessions = [];
});

const lossesOf = (r: Race): number[] => r.log.tracks.map((t) => t.lastLoss);

describe('RaceSession', () => {
  it('builds on prepare: step 0, ready, nothing trained; its status names the random encoder', async () => {
    const view = recorder();
    const { session } = race(view);
    expect(session.phase).toBe('idle');
    await session.prepare();
    expect(session.phase).toBe('ready');
    expect(view.status).toEqual(['loading', `ready: ${RANDOM_ENCODER_SUMMARY}; 3 decoders; cpu`]);
    const r = session.current!;
    expect(r.log.step).toBe(0);
    expect(r.comparison.lanes.map((l) => l.decoder)).toEqual(['segnet', 'fcn', 'deeplab-largefov']);
    expect(r.scored.count).toBe(10);
    // On the slow plain-JS backend the step-0 predictions are not computed.
    expect(view.refreshes).toEqual([]);
    expect(view.phases.at(-1)).toBe('ready');
  });

  it('puts a pretrained encoder in when it fits, and says the encoder is random when it does not', async () => {
    const pretrained = (channels: number) => segnet.buildSegNet({ encoder: 'basic', decoder: 'segnet', height: SIZE, width: SIZE, basicChannels: channels, seed: 9 });
    const fits = pretrained(2);
    const misfit = pretrained(3);
    try {
      const tensors = (m: segnet.SegNetModel) => Object.fromEntries(m.encoder.store.list().map((v) => [v.name, v.variable]));
      const view = recorder();
      const { session } = race(view, { encoder: { tensors: tensors(fits), summary: 'SegNet-Basic encoder from the pretrained checkpoint, frozen', notice: null } });
      await session.prepare();
      expect(view.status.at(-1)).toBe('ready: SegNet-Basic encoder from the pretrained checkpoint, frozen; 3 decoders; cpu');
      const owner = session.current!.comparison.encoderOwner.encoder.store.list();
      fits.encoder.store.list().forEach((v, i) => expect(Array.from(owner[i]!.variable.dataSync())).toEqual(Array.from(v.variable.dataSync())));

      const other = recorder();
      let told: { summary: string; notice: string | null } | null = null;
      other.built = (_, encoder) => (told = encoder);
      const { session: second } = race(other, { encoder: { tensors: tensors(misfit), summary: 'SegNet-Basic encoder from the pretrained checkpoint, frozen', notice: null } });
      await second.prepare();
      expect(told!.summary).toBe(RANDOM_ENCODER_SUMMARY);
      expect(told!.notice).toMatch(/^The pretrained checkpoint’s encoder does not fit \('encoder\/stage1\/.*' is \[.*\] in the checkpoint but \[.*\] in the encoder\): the shared encoder has random weights \(frozen\)\.$/);
    } finally {
      fits.dispose();
      misfit.dispose();
    }
  });

  it('starts, steps every decoder on the same batches, refreshes when due, and holds the page’s backend while it runs', async () => {
    const view = recorder();
    const { session } = race(view, { settings: { every: 2 } });
    await session.start();
    expect(session.phase).toBe('running');
    expect(backendHolders()).toContain('the decoder comparison');
    await view.step((s) => s >= 2);
    session.pause();
    await session.settled();
    const r = session.current!;
    expect(r.log.tracks.every((t) => t.steps === r.log.step && Number.isFinite(t.lastLoss) && t.lastLoss > 0)).toBe(true);
    expect(r.comparison.lanes.map((l) => l.steps)).toEqual([r.log.step, r.log.step, r.log.step]);
    expect(view.refreshes[0]).toBe(2);
    expect(r.predictedAt).toBe(view.refreshes.at(-1));
    expect([...r.predictions!.keys()]).toEqual(['segnet', 'fcn', 'deeplab-largefov']);
    for (const t of r.log.tracks) expect(t.scores!.step).toBe(view.refreshes.at(-1));
    expect(backendHolders()).not.toContain('the decoder comparison');
  });

  it('from scratch: reads no encoder, trains whole networks, and pauses by itself at the preset’s length', async () => {
    const view = recorder();
    let reads = 0;
    const { session } = race(view, { settings: { preset: 'scratch', decoders: ['segnet', 'bilinear'] }, presetSteps: 4, onEncoderRead: () => (reads += 1) });
    await session.prepare();
    expect(reads).toBe(0);
    const words = messages('en').decoderComparison;
    expect(view.status.at(-1)).toBe(`ready: ${words.encoder.scratch}; 2 decoders; cpu`);
    const [a, b] = session.current!.comparison.lanes.map((l) => l.model);
    expect(a!.encoder).not.toBe(b!.encoder);
    const end = 4;
    expect(PRESETS.scratch.steps).toBeGreaterThan(end);
    await session.start();
    await session.settled();
    expect(session.phase).toBe('paused');
    expect(session.current!.log.step).toBe(end);
    expect(view.refreshes).toContain(end);
    expect(view.messages.at(-1)).toBe(words.race.presetDone(end));
    // Resume goes on past the preset's length.
    await session.start();
    await view.step((s) => s > end);
    session.pause();
    await session.settled();
    expect(session.current!.log.step).toBeGreaterThan(end);
  });

  it('pauses after the step in flight, says where, and resumes the same networks from there', async () => {
    const view = recorder();
    const { session } = race(view);
    await session.start();
    await view.step((s) => s >= 1);
    session.toggle();
    expect(session.phase).toBe('pausing');
    expect(view.messages.at(-1)).toBe(PAUSING);
    session.toggle(); // ignored while the step in flight finishes
    await session.settled();
    const r = session.current!;
    const held = r.log.step;
    expect(session.phase).toBe('paused');
    expect(view.messages.at(-1)).toBe(`Paused at step ${held}.`);
    expect(view.phases.at(-1)).toBe('paused');
    const losses = lossesOf(r);
    const comparison = r.comparison;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(r.log.step).toBe(held);

    session.toggle();
    await view.step((s) => s > held);
    session.pause();
    await session.settled();
    expect(session.current).toBe(r);
    expect(r.comparison).toBe(comparison);
    expect(r.log.step).toBeGreaterThan(held);
    expect(r.comparison.lanes.map((l) => l.optimizer.updates)).toEqual([r.log.step, r.log.step, r.log.step]);
    lossesOf(r).forEach((loss, i) => expect(loss).not.toBe(losses[i]));
  });

  it('resets to fresh decoders at step 0, freeing the old ones', async () => {
    const view = recorder();
    const { session } = race(view);
    await session.prepare();
    const atBuild = tf.memory().numTensors;
    await session.start();
    await view.step((s) => s >= 2);
    session.pause();
    await session.settled();
    const old = session.current!;
    await session.reset();
    const fresh = session.current!;
    expect(fresh).not.toBe(old);
    expect(fresh.log.step).toBe(0);
    expect(session.phase).toBe('ready');
    expect(fresh.comparison.lanes.every((l) => l.steps === 0 && l.optimizer.updates === 0)).toBe(true);
    // The old networks and optimizer slots are gone: as many tensors as right after the first build.
    expect(tf.memory().numTensors).toBe(atBuild);
    expect(view.status.filter((s) => s === 'loading')).toHaveLength(2);
  });

  it('rebuilds with the new line-up when the settings change, saying so once it had started', async () => {
    const view = recorder();
    const { session, settings } = race(view);
    // Nothing loaded yet: a settings change builds nothing.
    await session.rebuild();
    expect(session.current).toBeNull();
    await session.start();
    await view.step((s) => s >= 1);
    settings.decoders = ['segnet', 'fcn'];
    await session.rebuild();
    expect(view.messages).toContain('Settings changed: the race starts over.');
    expect(session.current!.comparison.lanes.map((l) => l.decoder)).toEqual(['segnet', 'fcn']);
    expect(session.current!.log.step).toBe(0);
    expect(session.phase).toBe('ready');
  });

  it('pauses on a NaN loss, says which decoder and step, applies no update, and resumes on the next batch', async () => {
    /** The second batch drawn is NaN images: every decoder's loss is NaN there. */
    let drawn = 0;
    class PoisonedStream extends lib.BatchStream {
      override next() {
        const batch = super.next();
        if (++drawn !== 2) return batch;
        batch.images.dispose();
        return { ...batch, images: tf.fill(batch.images.shape, NaN) as tf.Tensor4D };
      }
    }
    const view = recorder();
    const { session } = race(view, { lib: { ...lib, BatchStream: PoisonedStream } });
    await session.start();
    await session.settled();
    const r = session.current!;
    expect(r.log.step).toBe(2);
    expect(session.phase).toBe('paused');
    expect(view.messages.at(-1)).toBe('SegNet’s loss became NaN at step 2: that update was not applied and training is paused. Lower the learning rate, then resume or reset.');
    expect(r.log.tracks.map((t) => t.skipped)).toEqual([[2], [2], [2]]);
    expect(r.comparison.lanes.map((l) => l.optimizer.updates)).toEqual([1, 1, 1]);

    await session.start();
    await view.step((s) => s >= 3);
    session.pause();
    await session.settled();
    expect(r.log.tracks.every((t) => Number.isFinite(t.lastLoss) && t.steps === r.log.step - 1)).toBe(true);
  });

  it('stops on a failed step with the error, and can be reset', async () => {
    const view = recorder();
    // Class weights of the wrong length: weightedCrossEntropy throws on every step.
    const { session } = race(view, { data: dataset([1, 1, 1]) });
    await session.start();
    await session.settled();
    expect(view.messages.at(-1)).toMatch(/^Training stopped: .*classWeights has 3 values but logits have 11 classes.*\. Reset to start over\.$/);
    expect(session.phase).toBe('ready');
    expect(session.current!.log.step).toBe(0);
    expect(backendHolders()).not.toContain('the decoder comparison');
  });

  it('stops for good when the device is lost: the reason is said and Start does nothing', async () => {
    let lose: (reason: string) => void = () => undefined;
    const view = recorder();
    const { session } = race(view, { onLost: (lost) => (lose = lost) });
    await session.start();
    await view.step((s) => s >= 1);
    lose('the WebGL context was lost (test)');
    expect(view.messages.at(-1)).toBe('Training stopped: the WebGL context was lost (test). Reload the page to train again.');
    await session.settled();
    const step = session.current!.log.step;
    expect(view.messages.at(-1)).toBe('Training stopped: the WebGL context was lost (test). Reload the page to train again.');
    await session.start();
    await session.settled();
    expect(session.current!.log.step).toBe(step);
    expect(session.phase).toBe('paused');
  });

  it('pauses when the page is hidden, keeping that message', async () => {
    const view = recorder();
    const { session } = race(view);
    session.pageHidden(); // not running: nothing to say
    expect(view.messages).toEqual([]);
    await session.start();
    await view.step((s) => s >= 1);
    session.pageHidden();
    await session.settled();
    const step = session.current!.log.step;
    expect(session.phase).toBe('paused');
    expect(view.messages.at(-1)).toBe(HIDDEN);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(session.current!.log.step).toBe(step);
  });

  it("races on the reader's stored data by name: its frames, its size's facts, its own encoder read; back to the synthetic scenes on a change", async () => {
    const view = recorder();
    const own: RoadSceneDataset = {
      manifest: { height: 32, width: 32, medianFrequencyWeights: WEIGHTS } as unknown as DatasetManifest,
      splits: { train: tinySplit(3, 5, 'train', 32), val: tinySplit(2, 6, 'val', 32) },
    };
    const loads: string[] = [];
    const encoderReads: string[] = [];
    const { session, settings } = race(view, { settings: { data: 'own-my-streets', resolution: 'half' }, stored: { 'own-my-streets': own }, loads, encoderReads });
    await session.prepare();
    const r = session.current!;
    // Half of its 32 x 32, its two validation frames scored (fewer than the ten of the synthetic scenes).
    expect([r.scored.height, r.scored.width, r.scored.count]).toEqual([16, 16, 2]);
    expect(r.state.data).toBe('own-my-streets');
    expect(loads).toEqual(['own-my-streets']);
    expect(encoderReads).toEqual(['own-my-streets']);
    // The cards' facts are at this data's resolutions, not the page's.
    const facts = view.facts.at(-1)!;
    expect([facts.height, facts.width]).toEqual([16, 16]);
    const segnetFacts = facts.decoders.find((d) => d.decoder === 'segnet')!;
    expect(segnetFacts.featureMapBytes).toBe(segnet.memoryReport({ encoder: 'basic', decoder: 'segnet', height: 16, width: 16 }).encoderFeatureBytes);
    await session.start();
    await view.step((s) => s >= 1);
    session.pause();
    await session.settled();

    Object.assign(settings, { data: 'synthetic', resolution: 'full' });
    await session.rebuild();
    expect(session.current!.scored.count).toBe(10);
    expect(loads).toEqual(['own-my-streets', 'synthetic']);
    expect(encoderReads).toEqual(['own-my-streets', 'synthetic']);
    // Each data's dataset and encoder are read once: back on the reader's data, nothing is read again.
    Object.assign(settings, { data: 'own-my-streets', resolution: 'half' });
    await session.rebuild();
    expect(loads).toEqual(['own-my-streets', 'synthetic']);
    expect(encoderReads).toEqual(['own-my-streets', 'synthetic']);
  });

  it('reads one encoder per encoder key, frames afresh after a dataset changed (a race on it starts over), and frees the encoders on dispose', async () => {
    const view = recorder();
    const own = (seed: number, count: number): RoadSceneDataset => ({
      manifest: { height: SIZE, width: SIZE, medianFrequencyWeights: WEIGHTS } as unknown as DatasetManifest,
      splits: { train: tinySplit(count, seed, 'train'), val: tinySplit(2, seed + 1, 'val') },
    });
    const stored = { 'own-a': own(3, 2), 'own-b': own(5, 2) };
    const loads: string[] = [];
    const encoderReads: string[] = [];
    const encoderTensor = tf.zeros([1]);
    const before = tf.memory().numTensors;
    const { session, settings } = race(view, {
      settings: { data: 'own-a' },
      stored,
      loads,
      encoderReads,
      encoderKey: (d) => (d === 'synthetic' ? 'synthetic' : 'camvid'),
      encoder: { tensors: { 'not/a/layer': encoderTensor }, summary: 'CamVid encoder', notice: null },
      lib: { ...lib, applyEncoderWeights: () => 0 },
    });
    await session.prepare();
    Object.assign(settings, { data: 'own-b' });
    await session.rebuild();
    // Both stored datasets share the CamVid encoder: read once.
    expect(encoderReads).toEqual(['own-a']);
    // own-a's frames were let go when own-b loaded (one stored dataset is kept besides the synthetic scenes).
    Object.assign(settings, { data: 'own-a' });
    await session.rebuild();
    expect(loads).toEqual(['own-a', 'own-b', 'own-a']);
    // own-a saved again with a third training frame: read afresh, and the race on it starts over, saying why.
    stored['own-a'] = own(3, 3);
    await session.dataChanged('own-a');
    expect(loads).toEqual(['own-a', 'own-b', 'own-a', 'own-a']);
    expect(view.messages).toContain('own-a changed: the race starts over on its new frames.');
    expect(session.current!.log.step).toBe(0);
    // A change to a dataset the race is not on rebuilds nothing.
    const builds = view.status.filter((x) => x === 'loading').length;
    await session.dataChanged('own-b');
    expect(view.status.filter((x) => x === 'loading').length).toBe(builds);
    expect(encoderTensor.isDisposed).toBe(false);
    await session.dispose();
    expect(encoderTensor.isDisposed).toBe(true);
    expect(tf.memory().numTensors).toBeLessThanOrEqual(before);
  });

  it('names a stored dataset that is not in this browser', async () => {
    const view = recorder();
    const { session } = race(view, { settings: { data: 'own-gone' } });
    await session.prepare();
    expect(view.messages.at(-1)).toBe('The comparison could not run: no stored dataset named "own-gone" in this browser');
    expect(session.phase).toBe('idle');
  });

  it('reports a build that fails, and builds on the next try', async () => {
    const view = recorder();
    let fail = true;
    const session = new RaceSession(
      view,
      {
        load: async () => ({ engine, lib }),
        loadData: async () => {
          if (fail) throw new Error('manifest.json: 404');
          return dataset();
        },
        loadEncoder: async () => RANDOM,
        settings: () => ({ ...comparisonCodec.defaults, resolution: 'full' }),
        watchDevice: () => () => undefined,
        onBackend: () => () => undefined,
      },
      { network: { basicChannels: 2, atrousRate: 2 } },
    );
    sessions.push(session);
    await session.prepare();
    expect(view.status.at(-1)).toBe('failed: manifest.json: 404');
    expect(view.messages.at(-1)).toBe('The comparison could not run: manifest.json: 404');
    expect(session.phase).toBe('idle');
    fail = false;
    await session.prepare();
    expect(session.phase).toBe('ready');
  });

  it('frees every network on dispose', async () => {
    const before = tf.memory().numTensors;
    const view = recorder();
    const { session } = race(view);
    await session.start();
    await view.step((s) => s >= 1);
    await session.dispose();
    expect(session.current).toBeNull();
    expect(tf.memory().numTensors).toBe(before);
  });
});
