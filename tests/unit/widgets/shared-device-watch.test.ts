/** The shared device-loss watcher (training studio and decoder comparison). */
import { describe, expect, it } from 'vitest';
import { watchDevice, watchEngineDevice } from '../../../src/widgets/shared/device-watch';
import { setEngineBackend } from '../../../src/widgets/shared/backend-sharing';
import type { Engine } from '../../../src/widgets/shared/engine';

describe('watchDevice', () => {
  it('reports a lost WebGL context once, and nothing after it is stopped', () => {
    const canvas = new EventTarget();
    const reasons: string[] = [];
    const stop = watchDevice({ gpgpu: { gl: { canvas } } }, (r) => reasons.push(r));
    const event = new Event('webglcontextlost', { cancelable: true });
    canvas.dispatchEvent(event);
    canvas.dispatchEvent(new Event('webglcontextlost'));
    expect(event.defaultPrevented).toBe(true); // so the browser may hand a context back
    expect(reasons).toEqual(['the WebGL context was lost (the graphics driver reset or the browser reclaimed it)']);
    const later: string[] = [];
    const stopLater = watchDevice({ gpgpu: { gl: { canvas } } }, (r) => later.push(r));
    stopLater();
    canvas.dispatchEvent(new Event('webglcontextlost'));
    expect(later).toEqual([]);
    stop();
  });

  it('reports a lost WebGPU device with its message; other backends are never lost', async () => {
    const reasons: string[] = [];
    watchDevice({ device: { lost: Promise.resolve({ message: 'driver reset' }) } }, (r) => reasons.push(r));
    watchDevice({ name: 'wasm' }, (r) => reasons.push(r));
    watchDevice(null, (r) => reasons.push(r));
    await new Promise((r) => setTimeout(r, 0));
    expect(reasons).toEqual(['the WebGPU device was lost (driver reset)']);
  });
});

describe('watchEngineDevice', () => {
  it('follows the page’s backend: after a switch it watches the new device, not the old one', () => {
    const first = new EventTarget();
    const second = new EventTarget();
    let current: unknown = { gpgpu: { gl: { canvas: first } } };
    const engine = { tf: { backend: () => current }, segnet: {}, backend: { name: 'webgl', canTrain: true, rejected: [] } } as unknown as Engine;
    const reasons: string[] = [];
    const stop = watchEngineDevice(engine, (r) => reasons.push(r));
    current = { gpgpu: { gl: { canvas: second } } };
    setEngineBackend(engine, { name: 'webgl', canTrain: true, rejected: [] });
    first.dispatchEvent(new Event('webglcontextlost'));
    expect(reasons).toEqual([]);
    second.dispatchEvent(new Event('webglcontextlost'));
    expect(reasons).toEqual(['the WebGL context was lost (the graphics driver reset or the browser reclaimed it)']);

    // Stopped: neither a later switch nor a later loss reaches it.
    stop();
    const third = new EventTarget();
    current = { gpgpu: { gl: { canvas: third } } };
    setEngineBackend(engine, { name: 'webgl', canTrain: true, rejected: [] });
    third.dispatchEvent(new Event('webglcontextlost'));
    expect(reasons).toHaveLength(1);
  });
});
