/** The encoder-stage stepper's captions: what each step did to the whole map, and one pixel through the stage. */
import { pageMessages, type Messages } from '../../i18n';
import { isWindowMax, pooledAt, type StageView } from './stage-view';

type Words = Messages['encoderStageStepper'];

/** A value for a sentence: two decimals, a true minus sign. */
export const valueText = (v: number): string => (Math.abs(v) < 0.005 ? '0' : v.toFixed(2).replace('-', '−'));
const percent = (share: number): number => Math.round(share * 100);

/** What the current step did, measured on the whole map. */
export function stepSentence(view: StageView, m: Words = pageMessages().encoderStageStepper): string {
  const { stats, height, width } = view;
  const { step, channel } = view.state;
  if (step === 0) return m.input(height, width, channel);
  if (step === 1) return m.conv(channel, valueText(stats.conv.min), valueText(stats.conv.max), valueText(stats.conv.mean));
  if (step === 2) {
    // a step-1 value shown as 0 is within ±0.005: where batch norm puts it
    const spread = Math.abs(stats.scale) * 0.005;
    return m.bn(valueText(stats.scale), valueText(stats.shift), percent(stats.negative), valueText(stats.shift - spread), valueText(stats.shift + spread));
  }
  if (step === 3) return m.relu(percent(stats.zero));
  return m.pool(height, width, percent(stats.allZeroWindows));
}

/** Pixel (row, col) through the steps done so far. */
export function probeSentence(view: StageView, row: number, col: number, m: Words = pageMessages().encoderStageStepper): string {
  const i = row * view.width + col;
  const parts = [m.probeInput(view.image[i * 3]!, view.image[i * 3 + 1]!, view.image[i * 3 + 2]!)];
  const planes = [view.conv, view.bn, view.relu];
  for (let s = 1; s <= Math.min(3, view.state.step); s++) parts.push(m.probeValue(m.stepNames[s]!, valueText(planes[s - 1]![i]!)));
  if (view.state.step === 4) {
    const kept = valueText(pooledAt(view, row, col));
    parts.push(isWindowMax(view, row, col) ? m.probeKept(kept) : m.probeDropped(kept));
  }
  return m.probe(row, col, parts);
}
