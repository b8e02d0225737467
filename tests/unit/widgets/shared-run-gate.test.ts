// @vitest-environment happy-dom
/** The training widgets' shared start gate and pause-on-hidden-tab (studio and decoder comparison). */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { onPageHidden } from '../../../src/widgets/shared/page-hidden';
import { gateRun } from '../../../src/widgets/shared/run-gate';

/** An IntersectionObserver whose targets come into view when the test says so. */
class FakeObserver {
  static all: FakeObserver[] = [];
  targets: Element[] = [];
  constructor(private readonly callback: (entries: { isIntersecting: boolean }[]) => void) {
    FakeObserver.all.push(this);
  }
  observe(target: Element): void {
    this.targets.push(target);
  }
  disconnect(): void {
    this.targets = [];
  }
  /** Brings every observed target into view. */
  show(): void {
    if (this.targets.length > 0) this.callback([{ isIntersecting: true }]);
  }
}

afterEach(() => {
  vi.unstubAllGlobals();
  FakeObserver.all = [];
});

describe('gateRun(root, { start, held })', () => {
  it('starts once the widget nears the viewport, not before', () => {
    vi.stubGlobal('IntersectionObserver', FakeObserver);
    vi.stubGlobal('innerWidth', 1280);
    const calls: string[] = [];
    gateRun(document.createElement('div'), { start: () => calls.push('start'), held: (r) => calls.push(r) });
    expect(calls).toEqual([]);
    FakeObserver.all[0]!.show();
    expect(calls).toEqual(['start']);
  });

  it('holds on a small screen, with the reason, instead of starting', () => {
    vi.stubGlobal('IntersectionObserver', FakeObserver);
    vi.stubGlobal('innerWidth', 390);
    const calls: string[] = [];
    gateRun(document.createElement('div'), { start: () => calls.push('start'), held: (r) => calls.push(r) });
    FakeObserver.all[0]!.show();
    expect(calls).toEqual(['small-screen']);
  });

  it('calls nothing once cancelled', () => {
    vi.stubGlobal('IntersectionObserver', FakeObserver);
    const calls: string[] = [];
    const cancel = gateRun(document.createElement('div'), { start: () => calls.push('start'), held: (r) => calls.push(r) });
    cancel();
    FakeObserver.all[0]!.show();
    expect(calls).toEqual([]);
  });
});

describe('onPageHidden(onHidden, signal)', () => {
  it('calls back when the page becomes hidden, not when it shows again, and stops with its signal', () => {
    let hidden = false;
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
    const controller = new AbortController();
    let calls = 0;
    onPageHidden(() => calls++, controller.signal);
    hidden = true;
    document.dispatchEvent(new Event('visibilitychange'));
    hidden = false;
    document.dispatchEvent(new Event('visibilitychange'));
    expect(calls).toBe(1);
    controller.abort();
    hidden = true;
    document.dispatchEvent(new Event('visibilitychange'));
    expect(calls).toBe(1);
  });
});
