/**
 * The decoder gallery's plain-TS core: its URL state, the lens window (size, clamping at the
 * edges, keyboard moves, pointer mapping), where the lens opens (the busiest true boundaries,
 * checked against a brute-force count), and the per-frame and in-lens scores (against the
 * engine's metrics on hand-cropped frames), and the view the element paints: the same lens
 * window in every panel, each decoder scored on the frame and in the lens.
 */
import { describe, expect, it } from 'vitest';
import { boundaryTolerancePx, evaluateSegmentation } from '../../../../src/segnet/core';
import { busiestCentre, lensSize, lensWindow, movedCentre, pointerPixel, scanPositions, windowCentre } from '../../../../src/widgets/decoder-gallery/lens';
import { crop, frameScores, windowScores } from '../../../../src/widgets/decoder-gallery/scores';
import { galleryCodec } from '../../../../src/widgets/decoder-gallery/state';
import { galleryView } from '../../../../src/widgets/decoder-gallery/view';
import { labelToRgba } from '../../../../src/data/palette';
import { readState, withState } from '../../../../src/widgets/shared/url-state';

const FRAME = { height: 180, width: 240 };

describe('galleryCodec', () => {
  it('restores frame, zoom and centre from a link, and writes only what differs from the defaults', () => {
    expect(readState('gallery', galleryCodec, '?gallery.frame=3&gallery.zoom=6&gallery.x=100&gallery.y=40')).toEqual({ frame: 3, zoom: 6, centre: { x: 100, y: 40 } });
    expect(withState('gallery', galleryCodec, galleryCodec.defaults, '')).toBe('');
    expect(withState('gallery', galleryCodec, { frame: 1, zoom: 4, centre: { x: 7, y: 9 } }, '')).toBe('?gallery.x=7&gallery.y=9');
  });

  it('ignores a zoom not offered, a frame out of range and half a centre', () => {
    expect(readState('gallery', galleryCodec, '?gallery.zoom=5&gallery.frame=99&gallery.x=10')).toEqual(galleryCodec.defaults);
    expect(readState('gallery', galleryCodec, '?gallery.x=-1&gallery.y=3').centre).toBeNull();
  });
});

describe('lens', () => {
  it('is 1/zoom of the frame each way, and stays inside the frame at its edges', () => {
    expect(lensSize(FRAME, 4)).toEqual({ height: 45, width: 60 });
    expect(lensWindow(FRAME, 4, { x: 120, y: 90 })).toEqual({ top: 68, left: 90, height: 45, width: 60 });
    expect(lensWindow(FRAME, 4, { x: 0, y: 0 })).toEqual({ top: 0, left: 0, height: 45, width: 60 });
    expect(lensWindow(FRAME, 4, { x: 4000, y: 4000 })).toEqual({ top: 135, left: 180, height: 45, width: 60 });
    expect(lensSize({ height: 12, width: 16 }, 6)).toEqual({ height: 4, width: 4 });
    // Never larger than the frame, however small.
    expect(lensSize({ height: 3, width: 2 }, 2)).toEqual({ height: 3, width: 2 });
  });

  it('moves by an eighth of the lens per arrow key, four times that with Shift, and not past an edge', () => {
    const c = { x: 120, y: 90 };
    expect(movedCentre(c, 'ArrowRight', false, FRAME, 4)).toEqual({ x: 128, y: 90 });
    expect(movedCentre(c, 'ArrowUp', true, FRAME, 4)).toEqual({ x: 120, y: 66 });
    expect(movedCentre(c, 'Enter', false, FRAME, 4)).toBeNull();
    const atEdge = windowCentre(lensWindow(FRAME, 4, { x: 0, y: 0 }));
    expect(movedCentre(atEdge, 'ArrowLeft', false, FRAME, 4)).toEqual(atEdge);
  });

  it('maps a pointer in a panel drawn at any size to the frame pixel under it', () => {
    expect(pointerPixel(0, 0, { width: 480, height: 360 }, FRAME)).toEqual({ x: 0, y: 0 });
    expect(pointerPixel(479.9, 359.9, { width: 480, height: 360 }, FRAME)).toEqual({ x: 239, y: 179 });
    expect(pointerPixel(120, 45, { width: 120, height: 90 }, FRAME)).toEqual({ x: 239, y: 90 });
    expect(pointerPixel(-5, 500, { width: 120, height: 90 }, FRAME)).toEqual({ x: 0, y: 179 });
  });

  it('opens on the window with the most true boundaries (a brute-force count agrees), ignoring void', () => {
    const H = 40;
    const W = 48;
    // Sky above road; a pole (class 2) at columns 36..37 from row 10 down; void (11) at the left edge.
    const labels = new Uint8Array(H * W).map((_, i) => {
      const y = Math.floor(i / W);
      const x = i % W;
      if (x < 4) return 11;
      if (x >= 36 && x <= 37 && y >= 10) return 2;
      return y < 20 ? 0 : 3;
    });
    const zoom = 4;
    const centre = busiestCentre(labels, { height: H, width: W }, zoom);
    const edges = (w: { top: number; left: number; height: number; width: number }): number => {
      let n = 0;
      for (let y = w.top; y < w.top + w.height; y++) {
        for (let x = w.left; x < w.left + w.width; x++) {
          const c = labels[y * W + x]!;
          const r = x + 1 < W ? labels[y * W + x + 1]! : c;
          const b = y + 1 < H ? labels[(y + 1) * W + x]! : c;
          if (c !== 11 && ((r !== c && r !== 11) || (b !== c && b !== 11))) n++;
        }
      }
      return n;
    };
    const size = lensSize({ height: H, width: W }, zoom);
    // Every window position, not only the scanned ones: the best scanned one is at least as busy
    // as any within a quarter window of it, and here (edges along a row and a column) as the best.
    let best = 0;
    for (let top = 0; top + size.height <= H; top++) {
      for (let left = 0; left + size.width <= W; left++) best = Math.max(best, edges({ top, left, ...size }));
    }
    const chosen = lensWindow({ height: H, width: W }, zoom, centre);
    expect(edges(chosen)).toBe(best);
    // The pole meets the horizon there: the window holds both.
    expect(chosen.left).toBeLessThanOrEqual(36);
    expect(chosen.left + chosen.width).toBeGreaterThan(37);
    expect(chosen.top).toBeLessThanOrEqual(19);
    // A frame of one class has no boundary: the lens opens at its centre.
    expect(busiestCentre(new Uint8Array(H * W), { height: H, width: W }, zoom)).toEqual({ x: 24, y: 20 });
    expect(() => busiestCentre(new Uint8Array(10), { height: H, width: W }, zoom)).toThrow('10 labels for a 40 x 48 frame');
    // The scan reaches the last row and column of window positions, off its quarter-window grid.
    expect(scanPositions(40, 10)).toEqual([0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30]);
    expect(scanPositions(41, 12)).toEqual([0, 3, 6, 9, 12, 15, 18, 21, 24, 27, 29]);
    expect(scanPositions(8, 8)).toEqual([0]);
    // Boundaries only in the bottom-right corner: the lens opens there.
    const corner = new Uint8Array(41 * 53).map((_, i) => (Math.floor(i / 53) >= 39 && i % 53 >= 51 ? 8 : 3));
    const w = lensWindow({ height: 41, width: 53 }, 4, busiestCentre(corner, { height: 41, width: 53 }, 4));
    expect([w.top + w.height, w.left + w.width]).toEqual([41, 53]);
  });
});

describe('scores', () => {
  const H = 16;
  const W = 20;
  const truth = new Uint8Array(H * W).map((_, i) => (Math.floor(i / W) < 8 ? 0 : 3));
  // The prediction puts the horizon two rows low.
  const predicted = new Uint8Array(H * W).map((_, i) => (Math.floor(i / W) < 10 ? 0 : 3));

  it("scores a frame with the engine's metrics: a perfect prediction 1 and 1, a shifted horizon less", () => {
    expect(frameScores(truth, truth, { height: H, width: W })).toEqual({ meanIoU: 1, boundaryF1: 1 });
    const s = frameScores(truth, predicted, { height: H, width: W });
    // IoU: sky 160/200, road 120/160.
    expect(s.meanIoU).toBeCloseTo((160 / 200 + 120 / 160) / 2, 12);
    expect(s.boundaryF1).toBeLessThan(1);
  });

  it('crops the window row by row, for labels and for RGB, and refuses a window outside the frame', () => {
    const rgb = new Uint8ClampedArray(H * W * 3).map((_, i) => i % 251);
    const w = { top: 3, left: 5, height: 4, width: 6 };
    const c = crop(rgb, { height: H, width: W }, w, 3);
    expect(c).toBeInstanceOf(Uint8ClampedArray);
    for (let y = 0; y < 4; y++) for (let x = 0; x < 6; x++) for (let k = 0; k < 3; k++) expect(c[(y * 6 + x) * 3 + k]).toBe(rgb[((3 + y) * W + 5 + x) * 3 + k]);
    expect(() => crop(truth, { height: H, width: W }, { top: 14, left: 0, height: 4, width: 4 })).toThrow('window 4 x 4 at (14, 0) is outside the 16 x 20 frame');
  });

  it('scores the lens window as a frame of its own, with the whole frame’s BF tolerance', () => {
    const w = { top: 4, left: 2, height: 8, width: 10 };
    // BF inside the lens keeps the whole frame's tolerance, so lens and frame compare at any zoom.
    const byHand = evaluateSegmentation([{ labels: crop(truth, { height: H, width: W }, w), predictions: crop(predicted, { height: H, width: W }, w), height: 8, width: 10 }], { tolerancePx: boundaryTolerancePx(H, W) });
    expect(windowScores(truth, predicted, { height: H, width: W }, w)).toEqual({ meanIoU: byHand.scores.meanIoU, boundaryF1: byHand.boundaryF1 });
    // Inside the window the shift weighs more: 2 wrong rows of 8 against 2 of 16.
    expect(windowScores(truth, predicted, { height: H, width: W }, w).meanIoU).toBeLessThan(frameScores(truth, predicted, { height: H, width: W }).meanIoU);
  });
});

describe('galleryView', () => {
  const H = 24;
  const W = 32;
  const frame = { height: H, width: W };
  // Sky over road, a car (class 8) in the lower right; a prediction that misses the car.
  const truth = new Uint8Array(H * W).map((_, i) => {
    const y = Math.floor(i / W);
    const x = i % W;
    if (y >= 14 && y < 20 && x >= 20 && x < 28) return 8;
    return y < 10 ? 0 : 3;
  });
  const missed = truth.map((c) => (c === 8 ? 3 : c));
  const image = new Uint8Array(H * W * 3).map((_, i) => (i * 7) % 256);

  it('opens the lens on the busiest boundaries, and gives every panel the same window', () => {
    const view = galleryView({ frame, image, truth, decoders: [{ decoder: 'segnet', labels: truth }, { decoder: 'bilinear', labels: missed }], zoom: 3, centre: null });
    expect(view.window).toEqual(lensWindow(frame, 3, busiestCentre(truth, frame, 3)));
    expect(view.panels.map((p) => p.key)).toEqual(['photo', 'truth', 'segnet', 'bilinear']);
    const { height, width } = view.window;
    for (const p of view.panels) {
      expect(p.full!.length).toBe(H * W * 4);
      expect(p.lens!.length).toBe(height * width * 4);
    }
    // The lens of a label panel is the colour of the cropped labels, pixel for pixel.
    expect(view.panels[2]!.lens).toEqual(labelToRgba(crop(truth, frame, view.window), width, height));
    expect(view.box).toEqual({ left: (view.window.left / W) * 100, top: (view.window.top / H) * 100, width: (width / W) * 100, height: (height / H) * 100 });
  });

  it('scores each decoder on the frame and in the lens; the photo, the truth and a decoder not run carry none', () => {
    const centre = { x: 24, y: 17 };
    const view = galleryView({ frame, image, truth, decoders: [{ decoder: 'segnet', labels: truth }, { decoder: 'bilinear', labels: missed }, { decoder: 'fcn', labels: null }], zoom: 2, centre });
    const [photo, truthPanel, perfect, bilinear, fcn] = view.panels;
    expect([photo!.scores, truthPanel!.scores, fcn!.scores, fcn!.full, fcn!.lens]).toEqual([null, null, null, null, null]);
    expect(perfect!.scores).toEqual({ meanIoU: 1, boundaryF1: 1 });
    expect(bilinear!.scores).toEqual(frameScores(truth, missed, frame));
    expect(bilinear!.lensScores).toEqual(windowScores(truth, missed, frame, view.window));
    // Zoomed on the car, the miss weighs more than over the whole frame.
    expect(bilinear!.lensScores!.meanIoU).toBeLessThan(bilinear!.scores!.meanIoU);
    expect(view.centre).toEqual(windowCentre(lensWindow(frame, 2, centre)));
  });

  it('names a frame whose arrays do not fit its size', () => {
    expect(() => galleryView({ frame, image: image.subarray(3), truth, decoders: [], zoom: 2, centre: null })).toThrow('RGB bytes for a 24 x 32 frame');
    expect(() => galleryView({ frame, image, truth, decoders: [{ decoder: 'fcn', labels: new Uint8Array(5) }], zoom: 2, centre: null })).toThrow('fcn gave 5 labels for a 24 x 32 frame');
  });
});
