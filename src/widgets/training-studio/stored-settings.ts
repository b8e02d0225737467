/**
 * The studio's settings where the reader's own stored data is concerned: its menu option, the
 * resolution that suits it and the line on what to expect. Pure; loaded after the page with
 * ./stored-datasets (the chapter's up-front JavaScript has a budget).
 */
import { pageMessages, type Messages } from '../../i18n';
import type { DatasetOption, StudioSettings } from './settings';

/** A dataset the reader stored in this browser, as the studio offers it. */
export function storedDatasetOption(info: { name: string; height: number; width: number; counts: Record<string, number>; savedAt: number }): DatasetOption {
  const { name, height, width, counts, savedAt } = info;
  return { name, url: `stored:${name}@${savedAt}`, height, width, trainCount: counts.train ?? 0, stored: { valCount: counts.val ?? 0 } };
}

/**
 * A change of settings with what fits the data: choosing a stored dataset trains at about the
 * CamVid checkpoint's 96x128 (its own size up to 96 rows, else half of it).
 */
export function withDataDefaults(patch: Partial<StudioSettings>, datasets: readonly DatasetOption[]): Partial<StudioSettings> {
  const data = patch.data === undefined ? undefined : datasets.find((d) => d.name === patch.data);
  if (!data?.stored || patch.res !== undefined) return patch;
  return { ...patch, res: data.height > 96 ? 'half' : 'full' };
}

/**
 * What to expect when fine-tuning on the reader's own data (a line under the form), or null:
 * only for a stored dataset started from the CamVid-trained SegNet-Basic (when the build has it).
 */
export function fineTuneNote(s: StudioSettings, datasets: readonly DatasetOption[], camvidCheckpoint: boolean, m: Messages['trainingStudio'] = pageMessages().trainingStudio): string | null {
  const data = datasets.find((d) => d.name === s.data);
  if (!data?.stored || s.init !== 'pretrained' || s.encoder !== 'basic') return null;
  return camvidCheckpoint ? m.check.fineTuneCamvid : null;
}
