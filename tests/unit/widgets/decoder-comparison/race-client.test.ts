/**
 * The page's handle on a race in the engine worker (race-client.ts), against a fake worker: the
 * view's calls keep coming after one of them throws (the failure is reported), a click after
 * teardown opens nothing, teardown disposes of the race and releases its proxy, and a worker
 * crash is reported and lets the next Start open a new race.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RacePageView } from '../../../../src/widgets/decoder-comparison/race-remote';
import type { ComparisonView } from '../../../../src/widgets/decoder-comparison/race-view';
import type { ComparisonState } from '../../../../src/widgets/decoder-comparison/state';

/** What the fake worker saw: each race opened, with the page view it was given. */
const worker = vi.hoisted(() => ({
  races: [] as { page: unknown; calls: string[]; released: boolean }[],
  crashListeners: new Set<(e: Error) => void>(),
}));

vi.mock('@observablehq/plot', () => ({ plot: () => null }));
vi.mock('../../../../src/widgets/shared/engine-worker', async () => {
  const comlink = await import('comlink');
  return {
    Comlink: comlink,
    onEngineCrash: (listener: (e: Error) => void) => {
      worker.crashListeners.add(listener);
      return () => void worker.crashListeners.delete(listener);
    },
    engineWorker: async () => ({
      openRace: (_init: unknown, page: unknown) => {
        const race = { page, calls: [] as string[], released: false };
        worker.races.push(race);
        const call = (name: string) => async () => void race.calls.push(name);
        return { toggle: call('toggle'), prepare: call('prepare'), dispose: call('dispose'), [comlink.releaseProxy]: () => void (race.released = true) };
      },
    }),
  };
});

const { raceClient } = await import('../../../../src/widgets/decoder-comparison/race-client');

const state = { decoders: ['segnet'], learningRate: 0.001, resolution: 'full', every: 2 } as ComparisonState;
const init = { sources: {} as never, camvidCheckpointUrl: null, settings: () => state };

function fakeView(): ComparisonView & { calls: [string, unknown[]][] } {
  const calls: [string, unknown[]][] = [];
  const on = (name: string) => (...args: unknown[]) => void calls.push([name, args]);
  return {
    calls,
    plot: on('plot'),
    phase: on('phase'),
    message: (text: string) => {
      if (text === 'boom') throw new Error('the view broke');
      calls.push(['message', [text]]);
    },
    building: on('building'),
    built: on('built'),
    stepped: on('stepped'),
    refreshed: on('refreshed'),
    failed: on('failed'),
    backend: on('backend'),
    lineUp: on('lineUp'),
    status: on('status'),
  } as ComparisonView & { calls: [string, unknown[]][] };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

afterEach(() => {
  worker.races.length = 0;
  worker.crashListeners.clear();
});

describe('raceClient(view)', () => {
  it('reports a view call that throws, and goes on with the next ones in order', async () => {
    const view = fakeView();
    const client = raceClient(view, init);
    await client.prepare();
    const page = worker.races[0]!.page as RacePageView;
    page.message('first');
    page.message('boom');
    page.phase('running', 1, false);
    page.message('after');
    await settle();
    expect(view.calls.map(([n, a]) => (n === 'plot' ? n : `${n}:${String(a[0])}`))).toEqual(['plot', 'message:first', 'failed:the view broke', 'phase:running', 'message:after']);
    client.dispose();
  });

  it('opens nothing for a click after teardown', async () => {
    const client = raceClient(fakeView(), init);
    client.dispose();
    client.toggle();
    await client.prepare();
    await settle();
    expect(worker.races).toHaveLength(0);
  });

  it('disposes of the race in the worker and releases its proxy at teardown', async () => {
    const client = raceClient(fakeView(), init);
    client.toggle();
    await settle();
    client.dispose();
    await settle();
    expect(worker.races[0]!.calls).toEqual(['toggle', 'dispose']);
    expect(worker.races[0]!.released).toBe(true);
    expect(worker.crashListeners.size).toBe(0);
  });

  it('reports a worker crash, and the next Start opens a new race', async () => {
    const view = fakeView();
    const client = raceClient(view, init);
    client.toggle();
    await settle();
    for (const listener of worker.crashListeners) listener(new Error('The engine worker stopped.'));
    expect(view.calls.filter(([n]) => n === 'failed')).toEqual([['failed', ['The engine worker stopped.']]]);
    client.toggle();
    await settle();
    expect(worker.races).toHaveLength(2);
    expect(worker.races[1]!.calls).toEqual(['toggle']);
    client.dispose();
  });
});
