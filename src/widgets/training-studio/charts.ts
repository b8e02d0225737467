/**
 * The studio's live pictures, as pure render functions over plain data: loss (raw and
 * smoothed), mIoU (training batches and validation), per-class IoU bars and the row-normalised
 * confusion matrix. Observable Plot is passed in, so the widget imports it only when it draws.
 */
import { asAccessibleImage } from '../shared/accessible-chart';
import { stepAxis } from '../shared/step-axis';
import type * as PlotModule from '@observablehq/plot';
import { CLASS_NAMES, PALETTE } from '../../data';
import { rowNormalise, smoothCurve, type CurvePoint, type Validation } from './curves';
import { pageMessages, type Messages } from '../../i18n';
import { chartPlaceholderView, renderChartPlaceholder, type ChartKind } from './chart-placeholder';

/** The empty chart of `kind`, for before its first data (chart-placeholder.ts). */
const emptyChart = (kind: ChartKind, m: Messages): HTMLElement => renderChartPlaceholder(chartPlaceholderView(kind, m), m);

type Plot = typeof PlotModule;
type Chart = SVGSVGElement | HTMLElement;

/** Plot.plot, made readable as one labelled image. */
function plot(Plot: Plot, options: PlotModule.PlotOptions): Chart {
  return asAccessibleImage(Plot.plot(options));
}

/** Weight of the loss curve's moving average. */
export const LOSS_SMOOTHING = 0.8;

const rgb = (c: number): string => {
  const [r, g, b] = PALETTE[c]!;
  return `rgb(${r}, ${g}, ${b})`;
};

/** The class names readers see, one per label (the catalogue's, as many as the engine has). */
function classNames(m: Messages): string[] {
  return CLASS_NAMES.map((name, c) => m.classes.names[c] ?? name);
}


/** Loss per step: the raw values, faint, and their bias-corrected moving average on top. */
export function renderLossChart(Plot: Plot, loss: readonly CurvePoint[], width = 480, m: Messages = pageMessages()): Chart {
  const w = m.trainingStudio.charts;
  if (loss.length === 0) return emptyChart('loss', m);
  const smooth = smoothCurve(loss, LOSS_SMOOTHING);
  const data = [...loss.map((p) => ({ ...p, series: w.raw })), ...smooth.map((p) => ({ ...p, series: w.smoothed }))];
  const last = smooth[smooth.length - 1]!;
  return plot(Plot, {
    width,
    height: 220,
    marginLeft: 48,
    x: stepAxis(loss[loss.length - 1]!.step, undefined, m.controls.stepAxis),
    y: { label: w.loss, grid: true, zero: true },
    color: { domain: [w.raw, w.smoothed], range: ['#9db4d6', '#1f5fa8'], legend: true },
    marks: [
      Plot.lineY(data.filter((d) => d.series === w.raw), { x: 'step', y: 'value', stroke: 'series', strokeWidth: 1 }),
      Plot.lineY(data.filter((d) => d.series === w.smoothed), { x: 'step', y: 'value', stroke: 'series', strokeWidth: 2.2 }),
      Plot.ruleY([0]),
    ],
    ariaLabel: w.lossLabel(loss.length, last.value.toFixed(3)),
  });
}

/** mIoU of the scored training batches and of the validation passes, in percent. */
export function renderIoUChart(Plot: Plot, train: readonly CurvePoint[], val: readonly CurvePoint[], width = 480, m: Messages = pageMessages()): Chart {
  const w = m.trainingStudio.charts;
  if (train.length === 0 && val.length === 0) return emptyChart('iou', m);
  const data = [
    ...smoothCurve(train, LOSS_SMOOTHING).map((p) => ({ step: p.step, value: p.value * 100, series: w.train })),
    ...val.map((p) => ({ step: p.step, value: p.value * 100, series: w.validation })),
  ].filter((d) => Number.isFinite(d.value));
  const lastVal = val[val.length - 1];
  return plot(Plot, {
    width,
    height: 220,
    marginLeft: 48,
    x: stepAxis(Math.max(0, ...data.map((d) => d.step)), undefined, m.controls.stepAxis),
    y: { label: w.iouAxis, domain: [0, 100], grid: true },
    color: { domain: [w.train, w.validation], range: ['#9a6fb0', '#c0392b'], legend: true },
    marks: [
      Plot.lineY(data, { x: 'step', y: 'value', stroke: 'series' }),
      Plot.dot(
        data.filter((d) => d.series === w.validation),
        { x: 'step', y: 'value', fill: 'series', r: 3 },
      ),
    ],
    ariaLabel: lastVal ? w.iouLabelAt((lastVal.value * 100).toFixed(1), lastVal.step) : w.iouLabel,
  });
}

/** Per-class IoU of the latest validation, one bar per class in its palette colour. */
export function renderClassIoU(Plot: Plot, validation: Validation | null, width = 480, m: Messages = pageMessages()): Chart {
  const w = m.trainingStudio.charts;
  if (!validation) return emptyChart('classes', m);
  const names = classNames(m);
  const data = names.map((name, c) => {
    const iou = validation.classIoU[c];
    return { name, iou: iou === null || iou === undefined ? NaN : iou * 100, colour: rgb(c) };
  });
  return plot(Plot, {
    width,
    height: 28 + data.length * 20,
    marginLeft: 84,
    marginRight: 44,
    x: { domain: [0, 100], label: w.classAxis, grid: true },
    y: { domain: names, label: null },
    marks: [
      Plot.barX(data.filter((d) => !Number.isNaN(d.iou)), { x: 'iou', y: 'name', fill: 'colour', stroke: 'currentColor', strokeOpacity: 0.3 }),
      Plot.text(data, {
        x: (d: { iou: number }) => (Number.isNaN(d.iou) ? 0 : d.iou),
        y: 'name',
        text: (d: { iou: number }) => (Number.isNaN(d.iou) ? w.absent : d.iou.toFixed(1)),
        dx: 4,
        textAnchor: 'start',
        fill: 'currentColor',
      }),
      Plot.ruleX([0]),
    ],
    ariaLabel: w.classLabel(validation.step, (validation.meanIoU * 100).toFixed(1)),
  });
}

/** The confusion matrix, each true class's row divided by its pixels: where each class's pixels went. */
export function renderConfusion(Plot: Plot, validation: Validation | null, width = 480, m: Messages = pageMessages()): Chart {
  const w = m.trainingStudio.charts;
  if (!validation) return emptyChart('confusion', m);
  const names = classNames(m);
  const shares = rowNormalise(validation.confusion);
  const cells = shares.flatMap((row, t) => row.map((share, p) => ({ truth: names[t]!, predicted: names[p]!, share: share * 100, labelled: validation.confusion[t]!.some((n) => n > 0) })));
  const size = Math.min(width, 520);
  return plot(Plot, {
    width: size,
    height: size - 40,
    marginLeft: 84,
    marginBottom: 76,
    x: { domain: names, label: w.predicted, tickRotate: -45 },
    y: { domain: names, label: w.trueClass },
    // Five bins rather than a continuous ramp: easier to read, and the legend is plain SVG.
    color: { type: 'quantize', domain: [0, 100], n: 5, scheme: 'blues', label: w.share, legend: true },
    marks: [
      Plot.cell(
        cells.filter((d) => d.labelled),
        { x: 'predicted', y: 'truth', fill: 'share', title: (d: { truth: string; predicted: string; share: number }) => `${d.truth} → ${d.predicted}: ${d.share.toFixed(1)}%` },
      ),
      Plot.text(
        cells.filter((d) => d.labelled && d.share >= 10),
        { x: 'predicted', y: 'truth', text: (d: { share: number }) => d.share.toFixed(0), fill: (d: { share: number }) => (d.share > 55 ? 'white' : 'black'), fontSize: 9 },
      ),
    ],
    ariaLabel: w.confusionLabel(validation.step),
  });
}
