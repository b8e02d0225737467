// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { bindFields } from '../../../src/widgets/shared/bind-fields';
import { bindPlayer } from '../../../src/widgets/shared/bind-player';
import { bindStepper } from '../../../src/widgets/shared/bind-stepper';
import { pooledExample } from '../../../src/widgets/shared/pooled-example';
import { renderPooling } from '../../../src/widgets/pooling-stepper/render';
import { poolingCodec, windowCount } from '../../../src/widgets/pooling-stepper/state';
import { transposedConvCodec } from '../../../src/widgets/transposed-conv-stepper/state';
import { DEFAULT_SETTINGS, studioCodec, type StudioSettings } from '../../../src/widgets/training-studio/settings';

/** The markup of PlayerControls.astro, as the build renders it. */
const PLAYER = `
  <button type="button" data-player="previous">Back</button>
  <button type="button" data-player="play" aria-pressed="false"><span data-player="icon">▶</span>Play</button>
  <button type="button" data-player="next">Step</button>
  <input type="range" data-player="scrub" min="0" max="1" value="0" />
  <output data-player="position">0 / 1</output>`;

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  document.body.innerHTML = '';
});

function root(html: string): HTMLElement {
  const el = document.createElement('div');
  el.innerHTML = html;
  document.body.append(el);
  return el;
}

describe('bindPlayer(root, options)', () => {
  it('steps with the buttons, toggles aria-pressed and keeps the scrubber in sync', () => {
    const el = root(PLAYER);
    const steps: number[] = [];
    const { dispose } = bindPlayer(el, { last: 3, step: 1, intervalMs: 100, onStep: (s) => steps.push(s) });
    const [previous, play, next] = [...el.querySelectorAll('button')];
    const scrub = el.querySelector('input')!;
    expect([scrub.max, scrub.value, el.querySelector('output')!.textContent]).toEqual(['3', '1', '1 / 3']);
    next!.click();
    previous!.click();
    previous!.click();
    expect(steps).toEqual([2, 1, 0]);
    play!.click();
    expect(play!.getAttribute('aria-pressed')).toBe('true');
    vi.advanceTimersByTime(350);
    expect(steps.at(-1)).toBe(3);
    expect(play!.getAttribute('aria-pressed')).toBe('false');
    scrub.value = '2';
    scrub.dispatchEvent(new Event('input'));
    expect(steps.at(-1)).toBe(2);
    expect(scrub.getAttribute('aria-valuetext')).toBe('step 2 of 3');
    dispose();
    next!.click();
    expect(steps.at(-1)).toBe(2);
  });

  it('names the missing control', () => {
    expect(() => bindPlayer(root('<button data-player="previous"></button>'), { last: 1, step: 0, onStep: () => {} })).toThrow(
      'bindPlayer: no [data-player="next"] inside <div>',
    );
  });
});

describe('bindFields(root, codec, onPatch)', () => {
  it('parses control values with the codec and syncs state back into the controls', () => {
    const el = root(`
      <input type="range" data-field="kernel" min="1" max="5" value="3" />
      <output data-show="kernel">3</output>
      <input type="radio" name="x-input" data-field="input" value="ones" checked />
      <input type="radio" name="x-input" data-field="input" value="ramp" />`);
    const patches: unknown[] = [];
    const sync = bindFields(el, transposedConvCodec, (p) => patches.push(p));
    const [range, ones, ramp] = [...el.querySelectorAll('input')];
    range!.value = '5';
    range!.dispatchEvent(new Event('input', { bubbles: true }));
    ramp!.checked = true;
    ramp!.dispatchEvent(new Event('change', { bubbles: true }));
    expect(patches).toEqual([{ kernel: 5 }, { input: 'ramp' }]);
    sync({ ...transposedConvCodec.defaults, kernel: 2, input: 'ones' });
    expect([range!.value, ones!.checked, ramp!.checked, el.querySelector('output')!.textContent]).toEqual(['2', true, false, '2']);
  });
});

describe('bindStepper(root, id, poolingCodec, binding)', () => {
  it('brings the step back into range when 8 x 8 becomes 6 x 6 past step 9, and draws only valid steps', () => {
    window.history.replaceState(null, '', '/?pool.size=8&pool.step=12');
    const el = root(`
      <input type="radio" name="pool-size" data-field="size" value="6" />
      <input type="radio" name="pool-size" data-field="size" value="8" checked />
      ${PLAYER}`);
    const drawn: Array<[number, number]> = [];
    const dispose = bindStepper(el, 'pool', poolingCodec, {
      lastStep: (s) => windowCount(s.size),
      draw: (s) => {
        renderPooling(pooledExample(s), s.step);
        drawn.push([s.size, s.step]);
      },
    });
    const six = el.querySelector<HTMLInputElement>('input[value="6"]')!;
    six.checked = true;
    six.dispatchEvent(new Event('change', { bubbles: true }));
    expect(drawn[0]).toEqual([8, 12]);
    expect(drawn.at(-1)).toEqual([6, 9]);
    expect(drawn.filter(([size, step]) => step > windowCount(size))).toEqual([]);
    expect(new URLSearchParams(window.location.search).get('pool.step')).toBe('9');
    expect(el.querySelector('output')!.textContent).toBe('9 / 9');
    dispose();
  });
});

describe('bindFields(root, codec, onPatch, signal, current)', () => {
  it('shows the value in use again when the reader leaves a field holding one the codec refuses ("99" in Batch)', () => {
    const el = root('<input type="number" data-field="batch" min="1" max="16" value="2" />');
    const input = el.querySelector('input')!;
    let state: StudioSettings = { ...DEFAULT_SETTINGS };
    bindFields(el, studioCodec, (patch) => (state = { ...state, ...patch }), undefined, () => state);
    input.value = '9';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.value = '99';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    expect(state.batch).toBe(9);
    input.dispatchEvent(new Event('change', { bubbles: true }));
    expect(input.value).toBe('9');
    expect(state.batch).toBe(9);
  });
});
