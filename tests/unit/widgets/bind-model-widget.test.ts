// @vitest-environment happy-dom
/** bindModelWidget: the one binding of the model widgets' sources, frames, thumbnails and gate. */
import { describe, expect, it } from 'vitest';
import { bindModelWidget, type ModelWidgetDeps } from '../../../src/widgets/model/bind-model-widget';
import type { DemoFrames } from '../../../src/widgets/model/demo-frames';
import type { ModelGateOptions } from '../../../src/widgets/model/model-gate';
import type { PageModel } from '../../../src/widgets/model/page-model';

const SOURCES = { dataUrl: '/data/synthetic-96x128/', model: { checkpointUrl: '/models/m/model.json' } };

/** A widget element as a shell renders it: sources, two thumbnails and a status line. */
function widget(sources: unknown = SOURCES): HTMLElement {
  const root = document.createElement('label-overlay');
  root.dataset.sources = JSON.stringify(sources);
  root.innerHTML = '<canvas data-thumb="0" width="128" height="96"></canvas><canvas data-thumb="1" width="128" height="96"></canvas><div data-part="status"></div>';
  return root;
}

const FRAMES: DemoFrames = {
  height: 2,
  width: 3,
  frames: [0, 1].map((index) => ({ index, splitIndex: index + 1, image: new Uint8Array(2 * 3 * 3).fill(index), labels: new Uint8Array(6) })),
};

/** Frames and gate under the test's control: `resolve`/`reject` the frames, `ready` the network. */
function controlled() {
  let resolve!: (f: DemoFrames) => void;
  let reject!: (e: unknown) => void;
  const calls = { dataUrls: [] as string[], gates: [] as ModelGateOptions[], stops: 0 };
  const deps: ModelWidgetDeps = {
    loadFrames: (url) => {
      calls.dataUrls.push(url);
      return new Promise<DemoFrames>((res, rej) => {
        resolve = res;
        reject = rej;
      });
    },
    gate: (options) => {
      calls.gates.push(options);
      return () => void calls.stops++;
    },
  };
  return { deps, calls, resolve: (f: DemoFrames) => resolve(f), reject: (e: unknown) => reject(e) };
}

const settle = () => new Promise((r) => setTimeout(r, 0));
/** A page model on backend `name`; `switchTo` plays a switch of the worker's backend (the studio's menu). */
const fakeModel = (name: string) => {
  const listeners = new Set<(b: { name: string }) => void>();
  const model = {
    backend: { name, canTrain: true, rejected: [] },
    onBackend: (l: (b: { name: string }) => void) => (listeners.add(l), () => void listeners.delete(l)),
    switchTo: (next: string) => {
      model.backend = { name: next, canTrain: true, rejected: [] };
      for (const l of [...listeners]) l(model.backend);
    },
    listening: () => listeners.size,
  };
  return model as unknown as PageModel & { switchTo(next: string): void; listening(): number };
};

describe('bindModelWidget(root, hooks)', () => {
  it('loads the frames of data-sources, paints every thumbnail before the widget draws, and gates the network on the status line', async () => {
    const root = widget();
    const c = controlled();
    const seen: string[] = [];
    const unbind = bindModelWidget(
      root,
      {
        frames: (f) => seen.push(`frames ${f.frames.length}; thumbnails ${[...root.querySelectorAll('canvas')].map((t) => `${t.width}x${t.height}`).join(',')}`),
        framesFailed: (text) => seen.push(text),
        model: (m) => seen.push(`model on ${m.backend.name}; data-backend ${root.dataset.backend}`),
      },
      c.deps,
    );
    expect(c.calls.dataUrls).toEqual(['/data/synthetic-96x128/']);
    expect(c.calls.gates).toHaveLength(1);
    const gate = c.calls.gates[0]!;
    expect(gate.root).toBe(root);
    expect(gate.status).toBe(root.querySelector('[data-part="status"]'));
    expect(gate.source).toEqual({ checkpointUrl: '/models/m/model.json' });

    c.resolve(FRAMES);
    await settle();
    // paintRgba sized each thumbnail to the frames (3 x 2) before `frames` ran.
    expect(seen).toEqual(['frames 2; thumbnails 3x2,3x2']);
    const model = fakeModel('wasm');
    gate.onReady(model);
    expect(seen[1]).toBe('model on wasm; data-backend wasm');
    // The studio moves the worker to WebGL: the widget's data-backend follows.
    model.switchTo('webgl');
    expect(root.dataset.backend).toBe('webgl');
    unbind();
    expect(model.listening()).toBe(0);
  });

  it('fetches the frames only once the widget nears the viewport, and never after it is unbound', async () => {
    const c = controlled();
    const near: (() => void)[] = [];
    let cancelled = 0;
    const deps: ModelWidgetDeps = {
      ...c.deps,
      whenNear: (_root, start) => {
        near.push(start);
        return () => void cancelled++;
      },
    };
    const seen: string[] = [];
    const hooks = { frames: () => seen.push('frames'), framesFailed: () => seen.push('failed'), model: () => seen.push('model') };
    bindModelWidget(widget(), hooks, deps);
    expect(c.calls.dataUrls).toEqual([]);
    near[0]!();
    expect(c.calls.dataUrls).toEqual(['/data/synthetic-96x128/']);
    c.resolve(FRAMES);
    await settle();
    expect(seen).toEqual(['frames']);

    const unbind = bindModelWidget(widget(), hooks, deps);
    unbind();
    expect(cancelled).toBe(1);
    expect(c.calls.dataUrls).toHaveLength(1);
  });

  it('tells the widget, in a sentence, why the frames did not load', async () => {
    const root = widget();
    const c = controlled();
    const failed: string[] = [];
    bindModelWidget(root, { frames: () => failed.push('frames'), framesFailed: (t) => failed.push(t), model: () => undefined }, c.deps);
    c.reject(new Error('manifest.json: 404 Not Found'));
    await settle();
    expect(failed).toEqual(['The road frames could not be loaded: manifest.json: 404 Not Found']);
    expect(root.querySelector<HTMLCanvasElement>('canvas')!.width).toBe(128);
  });

  it('stops the gate when unbound, and frames arriving later are not drawn', async () => {
    const root = widget();
    const c = controlled();
    const seen: string[] = [];
    const unbind = bindModelWidget(root, { frames: () => seen.push('frames'), framesFailed: () => seen.push('failed'), model: () => seen.push('model') }, c.deps);
    unbind();
    expect(c.calls.stops).toBe(1);
    c.resolve(FRAMES);
    await settle();
    expect(seen).toEqual([]);
    expect(root.querySelector<HTMLCanvasElement>('canvas')!.width).toBe(128);
  });

  it('refuses malformed data-sources, naming the element, before loading anything', () => {
    const c = controlled();
    expect(() => bindModelWidget(widget({ dataUrl: 7 }), { frames: () => undefined, framesFailed: () => undefined, model: () => undefined }, c.deps)).toThrow(
      '<label-overlay> has malformed data-sources: {"dataUrl":7}',
    );
    expect(c.calls.dataUrls).toEqual([]);
    expect(c.calls.gates).toEqual([]);
  });
});
