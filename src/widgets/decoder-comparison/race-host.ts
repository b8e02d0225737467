/**
 * The decoder race's worker side: a RaceSession that loads TF.js, the data and the shared
 * encoder inside the engine worker and reports to the page's view (race-remote.ts). The page
 * sends the reader's settings whenever they change; the race reads the latest at every step.
 */
import { loadDataset, type RoadSceneDataset } from '../../data';
import { withIdbStore } from '../../data/browser-import';
import type { WidgetSources } from '../model/sources';
import { loadEngine } from '../shared/engine';
import { readEncoder } from './encoder-source';
import { RaceSession } from './race';
import { remoteRaceView, type RacePageView } from './race-remote';
import { SYNTHETIC_DATA, type ComparisonState } from './state';
import { messages, type Locale, type Messages } from '../../i18n';

export interface RaceInit {
  sources: WidgetSources;
  /** The CamVid-trained SegNet-Basic's model.json: the encoder for the reader's own (real) data; null when the build has none. */
  camvidCheckpointUrl: string | null;
  settings: ComparisonState;
  /** The page's language: the race words its messages in it (the worker has no page to read). */
  locale: Locale;
}

/** What the page calls on a race in the worker. */
export interface RaceHost {
  /** The reader's settings changed (read by the next step, or by a rebuild). */
  settings(settings: ComparisonState): void;
  prepare(): Promise<void>;
  start(): Promise<void>;
  toggle(): void;
  reset(): Promise<void>;
  rebuild(): Promise<void>;
  pageHidden(): void;
  say(text: string): void;
  /** The stored dataset `name` changed or went away: its frames are read afresh (a race on it starts over). */
  dataChanged(name: string): Promise<void>;
  dispose(): Promise<void>;
}

export function openRace(init: RaceInit, page: RacePageView, transfer: <T>(value: T, buffers: Transferable[]) => T): RaceHost {
  let settings = init.settings;
  const m = messages(init.locale);
  const session = new RaceSession(
    remoteRaceView(page, transfer),
    {
      load: async () => {
        const [engine, lib] = await Promise.all([loadEngine(), import('./comparison-engine')]);
        return { engine, lib };
      },
      loadData: (data) => (data === SYNTHETIC_DATA ? loadDataset(init.sources.dataUrl, { splits: ['train', 'val'] }) : loadStored(data, m.decoderComparison.race)),
      // Two encoders at most, whatever the number of stored datasets: the synthetic one and CamVid's.
      encoderKey: (data) => (data !== SYNTHETIC_DATA && init.camvidCheckpointUrl !== null ? 'camvid' : 'synthetic'),
      // The reader's data is real road scenes: the CamVid-trained encoder fits it better than the synthetic one.
      loadEncoder: (engine, data) => {
        const camvid = data !== SYNTHETIC_DATA && init.camvidCheckpointUrl !== null;
        return readEncoder(engine, camvid ? init.camvidCheckpointUrl : init.sources.model.checkpointUrl, m.decoderComparison.encoder, camvid ? 'camvid' : 'synthetic');
      },
      settings: () => settings,
    },
    { messages: m },
  );
  return {
    settings: (s) => void (settings = s),
    prepare: async () => void (await session.prepare()),
    start: async () => void (await session.start()),
    toggle: () => session.toggle(),
    reset: async () => void (await session.reset()),
    rebuild: async () => void (await session.rebuild()),
    pageHidden: () => session.pageHidden(),
    say: (text) => session.say(text),
    dataChanged: async (name) => void (await session.dataChanged(name)),
    dispose: () => session.dispose(),
  };
}

/** A dataset the reader stored in this browser (IndexedDB is shared with the page), with both splits the race needs. */
async function loadStored(name: string, m: Messages['decoderComparison']['race']): Promise<RoadSceneDataset> {
  const dataset = await withIdbStore(async (store) => {
    if (!(await store.manifest(name))) throw new Error(m.notStored(name));
    return store.load(name, ['train', 'val']);
  });
  for (const split of ['train', 'val']) {
    if (!dataset.splits[split]?.count) throw new Error(m.noSplit(name, split));
  }
  return dataset;
}
