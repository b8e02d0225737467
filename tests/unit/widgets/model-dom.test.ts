// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { h, paintRgba, pixelCanvas, s } from '../../../src/widgets/shared/dom';
import { renderModelStatus, type ModelStatusView } from '../../../src/widgets/model/model-status';
import { NO_CHECKPOINT_NOTICE } from '../../../src/widgets/model/page-model';
import { readSources } from '../../../src/widgets/model/read-sources';
import { throttledState } from '../../../src/widgets/shared/throttled-state';
import { intField, type StateCodec } from '../../../src/widgets/shared/url-state';
import { markup } from './snapshot';

describe('renderModelStatus(view)', () => {
  const views: [string, ModelStatusView][] = [
    ['waiting', { state: 'waiting' }],
    ['held', { state: 'held', message: 'On a small screen the network does not start by itself.' }],
    ['loading', { state: 'loading' }],
    ['slow', { state: 'slow', backendSentence: 'Running on plain JavaScript on the CPU.' }],
    ['ready-untrained', { state: 'ready', summary: 'SegNet-Basic, untrained (random weights)', backendSentence: 'Running on WebGL (the graphics card).', notice: NO_CHECKPOINT_NOTICE }],
    ['failed', { state: 'failed', message: 'no backend' }],
  ];

  it.each(views)('draws the %s state', async (name, view) => {
    const node = renderModelStatus(view);
    expect(node.dataset.state).toBe(view.state);
    expect(node.querySelector('[data-action="run"]') !== null).toBe(view.state === 'held' || view.state === 'slow');
    await expect(markup(node)).toMatchFileSnapshot(`__snapshots__/model-status-${name}.html`);
  });

  it('says plainly when no checkpoint was found', () => {
    expect(NO_CHECKPOINT_NOTICE).toBe('No pretrained checkpoint found: showing an untrained network.');
  });
});

describe('dom helpers', () => {
  it('h and s leave out null, undefined and false attributes and children', () => {
    const node = h('p', { class: 'a', hidden: false, title: null, 'data-n': 3 }, 'x', null, 4, false, s('svg', { viewBox: '0 0 1 1' }));
    expect(node.outerHTML).toBe('<p class="a" data-n="3">x4<svg viewBox="0 0 1 1"></svg></p>');
    expect(node.querySelector('svg')!.namespaceURI).toBe('http://www.w3.org/2000/svg');
  });

  it('pixel canvases keep their size and label where there is no 2D context', () => {
    const canvas = pixelCanvas(new Uint8ClampedArray(2 * 3 * 4), 3, 2, 'a frame');
    expect([canvas.width, canvas.height, canvas.getAttribute('aria-label')]).toEqual([3, 2, 'a frame']);
    expect(() => paintRgba(canvas, new Uint8ClampedArray(4), 3, 2)).toThrow('paintRgba: 3x2 needs 24 bytes, got 4');
  });
});

describe('readSources(root)', () => {
  it('reads the build-time sources and names a malformed element', () => {
    const element = (sources?: string): HTMLElement => {
      const node = document.createElement('label-overlay');
      if (sources !== undefined) node.dataset.sources = sources;
      return node;
    };
    expect(readSources(element(JSON.stringify({ dataUrl: '/data/x/', model: { checkpointUrl: null } })))).toEqual({ dataUrl: '/data/x/', model: { checkpointUrl: null } });
    expect(() => readSources(element('{}'))).toThrow('<label-overlay> has malformed data-sources: {}');
    expect(() => readSources(element())).toThrow('<label-overlay> has no data-sources');
  });
});

describe('throttledState(id, codec, onChange, delayMs)', () => {
  const codec: StateCodec<{ x: number }> = {
    defaults: { x: 0 },
    parse: (f) => {
      const x = intField(f.x, 0, 99);
      return x === undefined ? {} : { x };
    },
    serialize: (st) => ({ x: String(st.x) }),
  };

  afterEach(() => {
    vi.useRealTimers();
    window.history.replaceState(null, '', '/');
  });

  it('calls the listener on every change but writes the URL at most once per delay', () => {
    vi.useFakeTimers();
    window.history.replaceState(null, '', '/page?p.x=4');
    const seen: number[] = [];
    const replace = vi.spyOn(window.history, 'replaceState');
    const state = throttledState('p', codec, (st) => seen.push(st.x), 200);
    expect(state.get()).toEqual({ x: 4 });
    for (let x = 5; x < 25; x++) state.set({ x });
    expect(seen).toHaveLength(20);
    expect(replace).not.toHaveBeenCalled();
    vi.advanceTimersByTime(200);
    expect(replace).toHaveBeenCalledTimes(1);
    expect(window.location.search).toBe('?p.x=24');
    state.set({ x: 0 });
    state.flush();
    expect(window.location.search).toBe('');
  });
});
