// @vitest-environment happy-dom
/**
 * The decoder gallery's drawing (render.ts) from its view: a panel per picture with the lens's
 * square placed as the view says, the lens crop under it, each decoder's scores as a table of
 * the view's own numbers, the decoders a build lacks named as such, in both languages; and the
 * keyboard's magnification steps.
 */
import { describe, expect, it } from 'vitest';
import { messages } from '../../../../src/i18n';
import { renderGallery, score } from '../../../../src/widgets/decoder-gallery/render';
import { steppedZoom } from '../../../../src/widgets/decoder-gallery/state';
import { galleryView } from '../../../../src/widgets/decoder-gallery/view';

const H = 24;
const W = 32;
/** Sky above row 10, road below; a pole at columns 14..15. */
const truth = Uint8Array.from({ length: H * W }, (_, i) => {
  const [y, x] = [Math.floor(i / W), i % W];
  if (x === 14 || x === 15) return 2;
  return y < 10 ? 0 : 3;
});
/** A prediction that misses the pole. */
const noPole = Uint8Array.from(truth, (c, i) => (c === 2 ? (Math.floor(i / W) < 10 ? 0 : 3) : c));
const image = Uint8Array.from({ length: H * W * 3 }, (_, i) => (i * 7) % 256);

function view() {
  return galleryView({
    frame: { height: H, width: W },
    image,
    truth,
    decoders: [
      { decoder: 'segnet', labels: truth },
      { decoder: 'bilinear', labels: noPole },
      { decoder: 'fcn', labels: null },
    ],
    zoom: 4,
    centre: { x: 15, y: 12 },
  });
}

describe('renderGallery', () => {
  it('draws every panel with its name, the lens square where the view puts it, and the lens crop at its size', () => {
    const v = view();
    const t = messages('en').decoderGallery;
    const node = renderGallery(v, ['deconvnet'], t);
    const panels = [...node.querySelectorAll<HTMLElement>('figure.gallery-panel')];
    expect(panels.map((p) => p.dataset.panel)).toEqual(['photo', 'truth', 'segnet', 'bilinear', 'fcn', 'deconvnet']);
    expect(panels.map((p) => p.querySelector('strong')!.textContent)).toEqual(['Photo', 'Ground truth', 'SegNet (indices)', 'Bilinear (fixed)', 'FCN (learnt transposed conv.)', 'DeconvNet (indices, transposed conv.)']);
    for (const p of panels.slice(0, 4)) {
      const box = p.querySelector<HTMLElement>('.gallery-box')!;
      expect(box.style.left).toBe(`${v.box.left}%`);
      expect(box.style.width).toBe(`${v.box.width}%`);
      const lens = p.querySelector<HTMLCanvasElement>('canvas.gallery-lens')!;
      expect([lens.width, lens.height]).toEqual([v.window.width, v.window.height]);
      expect(p.querySelector('canvas.gallery-lens')!.getAttribute('aria-label')).toContain('inside the lens');
    }
    // A decoder not run yet keeps its place, without pictures or scores; one the build lacks says so.
    expect(panels[4]!.querySelector('canvas')).toBeNull();
    expect(panels[4]!.querySelector('table')).toBeNull();
    expect(panels[5]!.hasAttribute('data-absent')).toBe(true);
    expect(panels[5]!.textContent).toContain('not in this build');
  });

  it('prints each decoder’s scores from the view, on the frame and in the lens', () => {
    const v = view();
    const node = renderGallery(v, [], messages('en').decoderGallery);
    for (const key of ['segnet', 'bilinear'] as const) {
      const p = v.panels.find((x) => x.key === key)!;
      const rows = [...node.querySelectorAll(`[data-panel="${key}"] tbody tr`)].map((tr) => [...tr.children].map((c) => c.textContent));
      expect(rows).toEqual([
        ['frame', score(p.scores!.meanIoU), score(p.scores!.boundaryF1)],
        ['lens', score(p.lensScores!.meanIoU), score(p.lensScores!.boundaryF1)],
      ]);
    }
    // The perfect prediction scores 100; missing the pole costs the boundary score more than the mIoU inside the lens.
    expect(v.panels.find((p) => p.key === 'segnet')!.scores).toEqual({ meanIoU: 1, boundaryF1: 1 });
    const missed = v.panels.find((p) => p.key === 'bilinear')!.lensScores!;
    expect(missed.boundaryF1).toBeLessThan(1);
    expect(node.querySelector('[data-panel="photo"] table')).toBeNull();
  });

  it('speaks Chinese on a Chinese page', () => {
    const node = renderGallery(view(), ['deconvnet'], messages('zh').decoderGallery);
    expect(node.querySelector('[data-panel="truth"] strong')!.textContent).toBe('真实标注');
    expect(node.querySelector('[data-panel="segnet"] tbody th')!.textContent).toBe('整帧');
    expect(node.querySelector('[data-absent]')!.textContent).toContain('本次构建中没有');
  });
});

describe('steppedZoom', () => {
  it('steps through the magnifications offered, held at both ends', () => {
    expect(steppedZoom(4, 1)).toBe(6);
    expect(steppedZoom(6, 1)).toBe(6);
    expect(steppedZoom(3, -1)).toBe(2);
    expect(steppedZoom(2, -1)).toBe(2);
  });
});
