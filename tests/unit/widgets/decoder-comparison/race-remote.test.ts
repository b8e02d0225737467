/**
 * The race's messages between the engine worker and the page (race-remote.ts): what a record
 * carries on the wire, that the worker's own arrays are copied before they are transferred,
 * and that the page rebuilds the records its view drew before the race moved to the worker.
 * The wire is simulated with structuredClone and its transfer list, as postMessage does.
 */
import { describe, expect, it } from 'vitest';
import type { BackendChoice } from '../../../../src/segnet';
import { ComparisonLog } from '../../../../src/widgets/decoder-comparison/bookkeeping';
import type { RaceRecord, RaceView } from '../../../../src/widgets/decoder-comparison/race';
import { pageRaceView, raceWire, remoteRaceView, type RacePageView } from '../../../../src/widgets/decoder-comparison/race-remote';
import type { ComparisonState } from '../../../../src/widgets/decoder-comparison/state';
import { tinySplit } from './tiny-split';
import { raceFacts } from '../../../../src/widgets/decoder-comparison/comparison-engine';

const state: ComparisonState = { decoders: ['segnet', 'fcn'], preset: 'pretrained', learningRate: 0.001, resolution: 'full', every: 2, data: 'synthetic' };
const backend: BackendChoice = { name: 'cpu', canTrain: true, rejected: [] };
/** The race's facts at its data's size (what the worker computes at a build), as sent. */
const FACTS = raceFacts(32, 48);

function record(): RaceRecord {
  const scored = tinySplit(2, 3, 'val');
  const log = new ComparisonLog(state.decoders);
  log.recordStep([{ decoder: 'segnet', loss: 2.5, ms: 10 }, { decoder: 'fcn', loss: 2.25, ms: 8 }]);
  const px = scored.height * scored.width * scored.count;
  return { state, scored, log, predictions: new Map([['segnet', new Uint8Array(px).fill(1)], ['fcn', new Uint8Array(px).fill(2)]]), predictedAt: 1 };
}

/** A page view that records what it was asked to draw. */
function recordingView(): RaceView & { calls: [string, unknown[]][] } {
  const calls: [string, unknown[]][] = [];
  const on = (name: string) => (...args: unknown[]) => void calls.push([name, args]);
  return { calls, phase: on('phase'), message: on('message'), building: on('building'), built: on('built'), stepped: on('stepped'), refreshed: on('refreshed'), failed: on('failed'), backend: on('backend') };
}

/** The worker's view wired to the page's receiver through a simulated postMessage (structuredClone with its transfer list). */
function wired(view: RaceView): RaceView {
  const page = pageRaceView(view);
  let transfer: Transferable[] = [];
  const post = new Proxy({} as RacePageView, {
    get: (_, name) => (...args: unknown[]) => {
      const sent = structuredClone(args, { transfer });
      transfer = [];
      (page[name as keyof RacePageView] as (...a: unknown[]) => void)(...sent);
    },
  });
  return remoteRaceView(post, <T>(value: T, buffers: Transferable[]): T => {
    transfer = buffers;
    return value;
  });
}

describe('raceWire(race, withFrames, withPredictions)', () => {
  it('copies the scored frames and predictions it sends, and lists their buffers for transfer', () => {
    const race = record();
    const { wire, buffers } = raceWire(race, true, true);
    expect(wire.scored!.images).toEqual(race.scored.images);
    expect(wire.scored!.images.buffer).not.toBe(race.scored.images.buffer);
    expect(wire.predictions!.get('fcn')).toEqual(race.predictions!.get('fcn'));
    expect(buffers).toHaveLength(4);
    structuredClone(wire, { transfer: buffers });
    expect(race.scored.images.byteLength).toBeGreaterThan(0); // the race's own arrays stay usable
    expect(race.predictions!.get('segnet')!.byteLength).toBeGreaterThan(0);
  });

  it('sends only the log and step when neither frames nor predictions are asked for', () => {
    const { wire, buffers } = raceWire(record(), false, false);
    expect(wire.scored).toBeNull();
    expect(wire.predictions).toBeNull();
    expect(buffers).toEqual([]);
    expect(wire.log).toEqual({ decoders: ['segnet', 'fcn'], step: 1, tracks: expect.any(Array) });
  });
});

describe('remoteRaceView -> pageRaceView', () => {
  it('hands the page view the records it drew before the race moved to the worker', () => {
    const view = recordingView();
    const worker = wired(view);
    const race = record();
    worker.built(race, { summary: 'SegNet-Basic encoder, frozen', notice: null }, backend, FACTS);
    race.log.recordStep([{ decoder: 'segnet', loss: 2, ms: 9 }, { decoder: 'fcn', loss: 1.5, ms: 7 }]);
    worker.stepped(race);
    const [builtName, builtArgs] = view.calls[0]!;
    const [steppedName, steppedArgs] = view.calls[1]!;
    expect(builtName).toBe('built');
    const built = builtArgs[0] as RaceRecord;
    expect(built.scored.labels).toEqual(race.scored.labels);
    expect(built.log).toBeInstanceOf(ComparisonLog);
    expect(built.log.step).toBe(1);
    expect(builtArgs.slice(1)).toEqual([{ summary: 'SegNet-Basic encoder, frozen', notice: null }, backend, FACTS]);
    expect(steppedName).toBe('stepped');
    const stepped = steppedArgs[0] as RaceRecord;
    expect(stepped.log.step).toBe(2);
    expect(stepped.log.medianMs('fcn')).toBe(7.5);
    expect(stepped.log.lossRows()).toEqual(race.log.lossRows());
    // The frames and the step-1 predictions are the page's copies, kept from the build.
    expect(stepped.scored).toBe(built.scored);
    expect(stepped.predictions!.get('segnet')).toEqual(race.predictions!.get('segnet'));
    expect(stepped.predictedAt).toBe(1);
  });

  it('replaces the predictions at a refresh, and drops a step that comes before any build', () => {
    const view = recordingView();
    const worker = wired(view);
    const race = record();
    worker.stepped(race);
    expect(view.calls).toEqual([]);
    worker.built(race, { summary: 's', notice: null }, backend, FACTS);
    race.predictions = new Map([['segnet', new Uint8Array(race.predictions!.get('segnet')!.length).fill(5)], ['fcn', new Uint8Array(race.predictions!.get('fcn')!.length).fill(6)]]);
    race.predictedAt = 4;
    worker.refreshed(race);
    const refreshed = view.calls.at(-1)![1][0] as RaceRecord;
    expect(refreshed.predictedAt).toBe(4);
    expect([...refreshed.predictions!.get('fcn')!.slice(0, 3)]).toEqual([6, 6, 6]);
  });

  it('passes phase, message, building, failed and backend through unchanged', () => {
    const view = recordingView();
    const worker = wired(view);
    worker.phase('running', 3, false);
    worker.message('Pausing after this step…');
    worker.building();
    worker.failed('no data');
    worker.backend(backend);
    expect(view.calls).toEqual([['phase', ['running', 3, false]], ['message', ['Pausing after this step…']], ['building', []], ['failed', ['no data']], ['backend', [backend]]]);
  });
});

describe('ComparisonLog.fromRecord(record)', () => {
  it('rebuilds a log with the same step, tracks and medians', () => {
    const log = record().log;
    const back = ComparisonLog.fromRecord(structuredClone(log.record()));
    expect(back.step).toBe(log.step);
    expect(back.tracks).toEqual(log.tracks);
    expect(back.medianMs('segnet')).toBe(10);
  });

  it('refuses tracks that are not those of its decoders, naming both', () => {
    const r = record().log.record();
    expect(() => ComparisonLog.fromRecord({ ...r, tracks: [...r.tracks].reverse() })).toThrow('ComparisonLog.fromRecord: tracks (fcn, segnet) do not match decoders (segnet, fcn)');
  });
});
