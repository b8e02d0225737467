/**
 * The page's handle on a decoder race that lives in the engine worker (race-host.ts). Nothing
 * starts a worker until the race is prepared or started (the widget neared the viewport, or
 * the reader pressed Start); before that, a rebuild or a hidden page has nothing to act on.
 */
import type * as PlotModule from '@observablehq/plot';
import { Comlink, engineWorker, onEngineCrash } from '../shared/engine-worker';
import type { WidgetSources } from '../model/sources';
import type { RaceHost } from './race-host';
import { pageRaceView, type RacePageView } from './race-remote';
import type { ComparisonView } from './race-view';
import type { ComparisonState } from './state';
import { documentLocale } from '../../i18n';

export interface RaceClient {
  settings(settings: ComparisonState): void;
  prepare(): Promise<void>;
  toggle(): void;
  reset(): Promise<void>;
  rebuild(): Promise<void>;
  pageHidden(): void;
  say(text: string): void;
  /** The stored dataset `name` changed or went away (nothing to do before the race opens). */
  dataChanged(name: string): void;
  dispose(): void;
}

export function raceClient(view: ComparisonView, init: { sources: WidgetSources; camvidCheckpointUrl: string | null; settings: () => ComparisonState }): RaceClient {
  let host: Promise<Comlink.Remote<RaceHost>> | null = null;
  let gone = false;
  const report = (e: unknown): void => view.failed(e instanceof Error ? e.message : String(e));
  // A worker that dies takes the race with it: said, and the next prepare or Start opens a new one.
  const stopCrashWatch = onEngineCrash((e) => {
    if (!host || gone) return;
    host = null;
    report(e);
  });

  /** The race in the worker, opened once; Plot loads beside it and draws before any record. */
  const open = (): Promise<Comlink.Remote<RaceHost>> => {
    host ??= (async () => {
      const plot = import('@observablehq/plot');
      const receiver = pageRaceView(view);
      // Calls wait for Plot (which loads long before TF.js in the worker), in the order they came.
      // A call that throws is reported and the next still runs; without Plot nothing is drawn.
      let noPlot = false;
      let queue: Promise<void> = plot
        .then((Plot: typeof PlotModule) => view.plot(Plot))
        .catch((e: unknown) => {
          noPlot = true;
          report(e);
        })
        .catch(() => undefined);
      const inOrder = Object.fromEntries(
        Object.entries(receiver).map(([name, call]) => [
          name,
          (...args: unknown[]) =>
            void (queue = queue.then(() => {
              if (noPlot) return;
              try {
                (call as (...a: unknown[]) => void)(...args);
              } catch (e) {
                report(e);
              }
            }).catch(() => undefined)),
        ]),
      ) as unknown as RacePageView;
      const worker = await engineWorker();
      return worker.openRace({ sources: init.sources, camvidCheckpointUrl: init.camvidCheckpointUrl, settings: init.settings(), locale: documentLocale() }, Comlink.proxy(inOrder));
    })();
    host.catch((e: unknown) => {
      host = null;
      report(e);
    });
    return host;
  };
  const onOpen = (act: (h: Comlink.Remote<RaceHost>) => unknown): void => {
    if (host) void host.then(act, () => undefined);
  };

  return {
    settings: (s) => onOpen((h) => h.settings(s)),
    prepare: async () => {
      const h = gone ? null : await open().catch(() => null); // a failure to open was shown
      await h?.prepare();
    },
    toggle: () => {
      if (gone) return;
      void open().then((h) => h.toggle(), () => undefined);
    },
    reset: async () => {
      view.message('');
      if (host) await (await host).reset();
    },
    rebuild: async () => {
      if (host) await (await host).rebuild();
    },
    pageHidden: () => onOpen((h) => h.pageHidden()),
    say: (text) => {
      if (host) onOpen((h) => h.say(text));
      else view.message(text);
    },
    dataChanged: (name) => onOpen((h) => h.dataChanged(name)),
    dispose: () => {
      gone = true;
      stopCrashWatch();
      // The worker forgets the race and closes its channel to `view`; then this channel closes.
      onOpen(async (h) => {
        await h.dispose().catch(() => undefined);
        h[Comlink.releaseProxy]();
      });
    },
  };
}
