/**
 * The decoder race's worker side: a RaceSession that loads TF.js, the data and the shared
 * encoder inside the engine worker and reports to the page's view (race-remote.ts). The page
 * sends the reader's settings whenever they change; the race reads the latest at every step.
 */
import { loadDataset } from '../../data';
import type { WidgetSources } from '../model/sources';
import { loadEngine } from '../shared/engine';
import { readEncoder } from './encoder-source';
import { RaceSession } from './race';
import { remoteRaceView, type RacePageView } from './race-remote';
import type { ComparisonState } from './state';
import { messages, type Locale } from '../../i18n';

export interface RaceInit {
  sources: WidgetSources;
  /** Size of the loaded data ("full" resolution). */
  dataSize: { height: number; width: number };
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
      loadData: () => loadDataset(init.sources.dataUrl, { splits: ['train', 'val'] }),
      loadEncoder: (engine) => readEncoder(engine, init.sources.model.checkpointUrl, m.decoderComparison.encoder),
      settings: () => settings,
    },
    { dataSize: init.dataSize, messages: m },
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
    dispose: () => session.dispose(),
  };
}
