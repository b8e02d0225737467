/**
 * The numbers under the studio's buttons: backend, step, epoch, images per second, time left,
 * loss. A pure function from the run's state to labelled strings.
 */
import { etaSeconds, formatDuration } from './curves';
import { pageMessages, type Messages } from '../../i18n';

export interface StatsInput {
  backend: string;
  step: number;
  totalSteps: number;
  /** Epoch the next step belongs to (0-based) and batches per epoch. */
  epoch: number;
  epochs: number;
  batch: number;
  batchesPerEpoch: number;
  batchSize: number;
  /** Moving average of images per second; null before the first step of this session. */
  imagesPerSecond: number | null;
  loss: number | null;
}

export interface Stat {
  key: string;
  label: string;
  value: string;
}

export function statsView(s: StatsInput, m: Messages['trainingStudio'] = pageMessages().trainingStudio): Stat[] {
  const w = m.stats;
  const ips = s.imagesPerSecond;
  // A finished epoch (batch === batchesPerEpoch) is shown as the start of the next one.
  const wrapped = s.batch >= s.batchesPerEpoch && s.batchesPerEpoch > 0;
  const epoch = Math.min(s.epochs, (wrapped ? s.epoch + 1 : s.epoch) + 1);
  const eta = ips === null ? null : etaSeconds(Math.max(0, s.totalSteps - s.step), s.batchSize, ips);
  return [
    { key: 'backend', label: w.backend, value: s.backend },
    { key: 'step', label: w.step, value: `${s.step} / ${s.totalSteps}` },
    { key: 'epoch', label: w.epoch, value: `${epoch} / ${s.epochs}` },
    { key: 'speed', label: w.speed, value: ips === null ? '—' : ips < 10 ? ips.toFixed(2) : ips.toFixed(1) },
    { key: 'eta', label: w.eta, value: s.step >= s.totalSteps ? w.done : formatDuration(eta, w.units) },
    { key: 'loss', label: w.loss, value: s.loss === null ? '—' : s.loss.toFixed(4) },
  ];
}
