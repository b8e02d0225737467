// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { CAMVID_NUM_CLASSES, CLASS_NAMES, PALETTE, VOID_LABEL, VOID_NAME } from '../../../src/data';
import { messages } from '../../../src/i18n';
import type { Segmentation } from '../../../src/segnet/core';
import { overlayCaption, sceneLabel } from '../../../src/widgets/label-overlay/caption';
import { compositeOverlay, imageToRgba, labelShares, overlayColour, pixelAccuracy, VOID_STRIPES } from '../../../src/widgets/label-overlay/overlay-pixels';
import { probeSentence, probeView, topClasses } from '../../../src/widgets/label-overlay/probe';
import { formatShare, renderLegend, renderProbabilityBars, renderProbeMarker, renderProbePanel, renderScene } from '../../../src/widgets/label-overlay/render';
import { labelOverlayCodec, movedProbe, type LabelOverlayState } from '../../../src/widgets/label-overlay/state';
import { readState, withState } from '../../../src/widgets/shared/url-state';
import { markup } from './snapshot';
import { englishLeftovers, hasChinese, readerText } from '../i18n/same-in-both';

const state = (patch: Partial<LabelOverlayState> = {}): LabelOverlayState => ({ ...labelOverlayCodec.defaults, ...patch });

/** A 2 x 3 segmentation whose pixel i puts probability 0.5 on class i, 0.3 on class i + 1, the rest spread. */
function segmentation(): Segmentation {
  const k = CAMVID_NUM_CLASSES;
  const probabilities = new Float32Array(6 * k);
  for (let i = 0; i < 6; i++) {
    for (let c = 0; c < k; c++) probabilities[i * k + c] = 0.2 / (k - 2);
    probabilities[i * k + i] = 0.5;
    probabilities[i * k + i + 1] = 0.3;
  }
  return { height: 2, width: 3, numClasses: k, labels: Uint8Array.from([0, 1, 2, 3, 4, 5]), probabilities };
}

describe('labelOverlayCodec', () => {
  it('restores a link, and ignores values out of range', () => {
    expect(readState('overlay', labelOverlayCodec, '?overlay.frame=2&overlay.show=prediction&overlay.opacity=35&overlay.x=3&overlay.y=90')).toEqual(
      state({ frame: 2, show: 'prediction', opacity: 35, x: 3, y: 90 }),
    );
    expect(readState('overlay', labelOverlayCodec, '?overlay.frame=4&overlay.show=both&overlay.opacity=101&overlay.x=128&overlay.y=-1')).toEqual(state());
  });

  it('writes only the fields that differ from the defaults', () => {
    expect(withState('overlay', labelOverlayCodec, state({ opacity: 20 }), '?other=1')).toBe('?other=1&overlay.opacity=20');
  });
});

describe('movedProbe(key, shift, x, y)', () => {
  it('steps one pixel, eight with Shift, and stops at the frame edge', () => {
    expect(movedProbe('ArrowRight', false, 10, 10)).toEqual({ x: 11, y: 10 });
    expect(movedProbe('ArrowUp', true, 10, 10)).toEqual({ x: 10, y: 2 });
    expect(movedProbe('ArrowLeft', true, 3, 5)).toEqual({ x: 0, y: 5 });
    expect(movedProbe('ArrowDown', false, 0, 95)).toEqual({ x: 0, y: 95 });
    expect(movedProbe('End', false, 0, 7)).toEqual({ x: 127, y: 7 });
    expect(movedProbe('a', false, 0, 0)).toBeNull();
  });
});

describe('compositeOverlay(image, labels, width, height, opacity)', () => {
  const image = Uint8Array.from([100, 100, 100, 0, 0, 0]);

  it('blends (1 - a) * photo + a * class colour, alpha 255', () => {
    const out = compositeOverlay(image, [3, 0], 2, 1, 0.5);
    const road = PALETTE[3]!;
    expect([...out.slice(0, 4)]).toEqual([Math.round(50 + road[0] / 2), Math.round(50 + road[1] / 2), Math.round(50 + road[2] / 2), 255]);
    expect([...out.slice(4, 8)]).toEqual([64, 64, 64, 255]);
  });

  it('draws void as stripes, never as a class colour', () => {
    expect(overlayColour(VOID_LABEL, 0, 0)).toEqual(VOID_STRIPES[0]);
    expect(overlayColour(VOID_LABEL, 2, 0)).toEqual(VOID_STRIPES[1]);
    expect(overlayColour(200, 1, 2)).toEqual(VOID_STRIPES[1]);
  });

  it('shows the photograph alone with no labels or at opacity 0', () => {
    expect([...imageToRgba(image, 2, 1)]).toEqual([100, 100, 100, 255, 0, 0, 0, 255]);
    expect(compositeOverlay(image, [3, 3], 2, 1, 0)).toEqual(imageToRgba(image, 2, 1));
  });

  it('rejects arrays of the wrong size, naming them', () => {
    expect(() => compositeOverlay(image, [1], 2, 1, 1)).toThrow('compositeOverlay: labels has 1 values, expected 2');
    expect(() => compositeOverlay(image, null, 3, 1, 1)).toThrow('compositeOverlay: image has 6 bytes, expected 9');
  });
});

describe('labelShares and pixelAccuracy', () => {
  it('counts each label and void (index 11) as a share of the frame', () => {
    const shares = labelShares([3, 3, 0, 11]);
    expect(shares[3]).toBe(0.5);
    expect(shares[0]).toBe(0.25);
    expect(shares[VOID_LABEL]).toBe(0.25);
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1);
  });

  it('scores agreement on labelled pixels only', () => {
    expect(pixelAccuracy([3, 3, 0, 11], [3, 1, 0, 5])).toBeCloseTo(2 / 3);
    expect(pixelAccuracy([11, 11], [0, 0])).toBeNaN();
  });

  it('formats shares for the legend', () => {
    expect([0, 0.0004, 0.007, 0.41].map(formatShare)).toEqual(['–', '<0.1%', '0.7%', '41%']);
  });
});

describe('probeView(labels, segmentation, width, x, y)', () => {
  it('reports the truth and the top classes, best first', () => {
    const view = probeView([0, 1, 2, 3, 4, 11], segmentation(), 3, 2, 1, 3);
    expect(view.truth).toEqual({ label: 11, name: 'Unlabelled' });
    expect(view.top!.map((c) => c.name)).toEqual(['Tree', 'SignSymbol', 'Sky']);
    expect(view.top![0]!.probability).toBeCloseTo(0.5);
  });

  it('has no probabilities while the model is missing, and says so', () => {
    const view = probeView([0, 1, 2, 3, 4, 5], null, 3, 0, 0);
    expect(view.top).toBeNull();
    expect(probeSentence(view)).toBe('Pixel column 0, row 0: labelled Sky. The network’s probabilities appear once it has run.');
  });

  it('topClasses breaks ties by the lower label', () => {
    const seg = segmentation();
    seg.probabilities.fill(1 / CAMVID_NUM_CLASSES);
    expect(topClasses(seg, 0, 2).map((c) => c.label)).toEqual([0, 1]);
  });
});

describe('captions', () => {
  it('describe ground truth, a waiting prediction, and a prediction with its accuracy', () => {
    expect(overlayCaption({ show: 'truth', opacity: 60, accuracy: null })).toContain('at 60% opacity');
    // The demo frames are synthetic: nobody annotated them.
    expect(overlayCaption({ show: 'truth', opacity: 60, accuracy: null })).toContain('the class the scene generator drew');
    expect(overlayCaption({ show: 'truth', opacity: 60, accuracy: null })).not.toMatch(/annotat/);
    expect(overlayCaption({ show: 'prediction', opacity: 60, accuracy: null })).toBe('The network’s prediction appears here once it has run.');
    expect(overlayCaption({ show: 'prediction', opacity: 60, accuracy: 0.234 })).toContain('on 23% of the labelled pixels');
    expect(sceneLabel(1, 'prediction', true)).toBe('Road frame 2 coloured by the network’s predicted labels');
  });
});

describe('renders', () => {
  it('renderScene: a focusable frame with an SVG probe layer', async () => {
    const node = renderScene({ width: 3, height: 2, rgba: new Uint8ClampedArray(24), label: 'Road frame 1', note: 'Running the network…' });
    expect(node.getAttribute('tabindex')).toBe('0');
    expect(node.querySelector('svg[data-part="marker"]')).not.toBeNull();
    node.querySelector('[data-part="marker"]')!.append(renderProbeMarker(1, 1, 3, 2));
    await expect(markup(node)).toMatchFileSnapshot('__snapshots__/label-overlay-scene.html');
  });

  it('renderProbePanel: probabilities as bars, or a note while the model is missing', async () => {
    const ready = renderProbePanel(probeView([0, 1, 2, 3, 4, 5], segmentation(), 3, 1, 0));
    expect(ready.querySelectorAll('.probability-bars rect.bar')).toHaveLength(5);
    await expect(markup(ready)).toMatchFileSnapshot('__snapshots__/label-overlay-probe-ready.html');
    const waiting = renderProbePanel(probeView([0, 1, 2, 3, 4, 5], null, 3, 1, 0));
    expect(waiting.querySelector('.probe-waiting')?.textContent).toBe('Appear once the network has run.');
  });

  it('renderProbabilityBars scales bars to the probability', () => {
    const svg = renderProbabilityBars([{ label: 0, name: 'Sky', probability: 1 }, { label: 3, name: 'Road', probability: 0.25 }], 2);
    const widths = [...svg.querySelectorAll('rect.bar')].map((r) => Number(r.getAttribute('width')));
    expect(widths[1]! / widths[0]!).toBeCloseTo(0.25);
  });

  it('renderLegend: eleven classes and void, the current one marked', async () => {
    const legend = renderLegend(labelShares([3, 3, 0, 11]), 3);
    expect(legend.querySelectorAll('li')).toHaveLength(12);
    expect(legend.querySelector('li.is-current')?.textContent).toContain('Road');
    expect(legend.querySelectorAll('.swatch-void')).toHaveLength(1);
    await expect(markup(legend)).toMatchFileSnapshot('__snapshots__/label-overlay-legend.html');
  });
});

describe('the label overlay in Chinese', () => {
  const zh = messages('zh').labelOverlay;
  const chinese = (text: string) => {
    expect(hasChinese(text)).toBe(true);
    expect(englishLeftovers(text)).toEqual([]);
  };

  it('the English catalogue names the classes as src/data does, and Chinese names every one', () => {
    expect(messages('en').labelOverlay.classNames).toEqual(CLASS_NAMES);
    expect(messages('en').labelOverlay.voidName).toBe(VOID_NAME);
    expect(zh.classNames).toHaveLength(CLASS_NAMES.length);
    for (const name of [...zh.classNames, zh.voidName]) chinese(name);
  });

  it('renderScene, renderProbePanel and renderLegend with zh draw Chinese words and no English word', () => {
    const scene = renderScene({ width: 3, height: 2, rgba: new Uint8ClampedArray(24), label: sceneLabel(0, 'truth', true, zh), note: zh.running }, zh);
    expect(scene.getAttribute('aria-label')).toBe('道路图像 1，按真实标注着色。指向一个像素，或用方向键移动（按住 Shift 一次移动 8 像素），即可查看该像素。');
    const ready = renderProbePanel(probeView([0, 1, 2, 3, 4, 11], segmentation(), 3, 2, 1, 3, zh), zh);
    expect(ready.querySelector('.visually-hidden')!.textContent).toBe('第 2 列、第 1 行的像素，真实类别：未标注。网络预测：树木 50%，交通标志 30%，天空 2%。');
    const waiting = renderProbePanel(probeView([0, 1, 2, 3, 4, 5], null, 3, 1, 0, 5, zh), zh);
    const legend = renderLegend(labelShares([3, 3, 0, 11]), 3, zh);
    expect(legend.querySelector('li.is-current')?.textContent).toContain('道路');
    for (const node of [scene, ready, waiting, legend]) chinese(readerText(node));
    expect(englishLeftovers(readerText(renderLegend(labelShares([3, 3, 0, 11]), 3)))).toContain('Road');
  });

  it('overlayCaption and sceneLabel with zh say every state in Chinese', () => {
    for (const facts of [
      { show: 'truth', opacity: 60, accuracy: null },
      { show: 'prediction', opacity: 60, accuracy: null },
      { show: 'prediction', opacity: 60, accuracy: 0.234 },
      { show: 'prediction', opacity: 60, accuracy: Number.NaN },
    ] as const) {
      chinese(overlayCaption(facts, zh));
    }
    expect(overlayCaption({ show: 'prediction', opacity: 60, accuracy: 0.234 }, zh)).toContain('有 23% 与真实标注一致');
    chinese(sceneLabel(1, 'prediction', true, zh));
    chinese(sceneLabel(1, 'prediction', false, zh));
  });
});
