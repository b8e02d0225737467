/**
 * The gallery's page-side proxy (gallery-model.ts) on a fake worker: one question per frame,
 * answers kept; a worker that dies rejects what was asked, and the next question opens the
 * networks in a fresh worker; the backend follows the worker's switches; close frees them there.
 */
import { describe, expect, it } from 'vitest';
import type { BackendChoice } from '../../../../src/segnet';
import { openGalleryModel, type GalleryConnection, type GalleryRemote } from '../../../../src/widgets/decoder-gallery/gallery-model';
import type { DemoFrame } from '../../../../src/widgets/model/demo-frames';

const WASM: BackendChoice = { name: 'wasm', canTrain: true, rejected: [] };
const frame = (splitIndex: number): DemoFrame => ({ index: 0, splitIndex, image: new Uint8Array(3), labels: new Uint8Array(1) });
const checkpoints = [{ decoder: 'segnet' as const, url: '/m/segnet/model.json' }];

function fakeWorker() {
  const log: string[] = [];
  let crash: ((e: Error) => void) | null = null;
  let backend: ((b: BackendChoice) => void) | null = null;
  let hold: (() => void) | null = null;
  const remote: GalleryRemote = {
    openGallery: async () => {
      log.push('open');
      return { height: 1, width: 1, steps: [480], backend: WASM };
    },
    galleryLabels: (_c, f) => {
      log.push(`labels ${f.splitIndex}`);
      return new Promise((resolve) => (hold = () => resolve([Uint8Array.of(f.splitIndex)])));
    },
    closeGallery: () => void log.push('close'),
  };
  const connection: GalleryConnection = {
    remote: async () => remote,
    onCrash: (l) => ((crash = l), () => (crash = null)),
    onBackend: (l) => ((backend = l), () => (backend = null)),
  };
  return { log, connection, crash: (e: Error) => crash?.(e), switchTo: (b: BackendChoice) => backend?.(b), answer: () => hold?.() };
}

describe('GalleryModel', () => {
  it('asks once per frame, survives a worker crash by reopening, follows the backend, frees on close', async () => {
    const w = fakeWorker();
    const model = await openGalleryModel(checkpoints, (facts) => ({ trained: true, summary: `${facts.steps.length} decoders`, notice: null }), w.connection);
    expect(model.description.summary).toBe('1 decoders');
    const first = model.labels(frame(3));
    expect(model.labels(frame(3))).toBe(first);
    await Promise.resolve();
    w.answer();
    expect(Array.from((await first)[0]!)).toEqual([3]);

    // The worker dies while a frame is asked: that question fails with its error...
    const lost = model.labels(frame(8));
    await new Promise((r) => setTimeout(r, 0));
    w.crash(new Error('The engine worker stopped'));
    await expect(lost).rejects.toThrow('The engine worker stopped');
    // ...and the next one opens the networks again in a fresh worker (kept answers are dropped too).
    const again = model.labels(frame(3));
    await new Promise((r) => setTimeout(r, 0));
    w.answer();
    expect(Array.from((await again)[0]!)).toEqual([3]);
    expect(w.log).toEqual(['open', 'labels 3', 'labels 8', 'open', 'labels 3']);

    const seen: string[] = [];
    model.onBackend((b) => seen.push(b.name));
    w.switchTo({ name: 'webgl', canTrain: true, rejected: [] });
    expect([model.backend.name, seen]).toEqual(['webgl', ['webgl']]);
    model.close();
    await new Promise((r) => setTimeout(r, 0));
    expect(w.log.at(-1)).toBe('close');
  });
});
