/**
 * <training-studio>: binds the settings form (mirrored in the URL), the buttons and the file
 * import to a StudioSession, which runs in the page's engine worker (../worker): TF.js, the
 * steps and the saves never hold the page, which only draws what the session reports. The
 * worker loads TF.js, and the page Observable Plot, when the studio nears the viewport or when
 * the reader presses Start; a saved run is then brought back, paused.
 */
import type * as PlotModule from '@observablehq/plot';
import { bindFields } from '../shared/bind-fields';
import { defineWidget, widgetPart } from '../shared/define-widget';
import { Comlink, engineWorker, onEngineCrash } from '../shared/engine-worker';
import { onPageHidden } from '../shared/page-hidden';
import { gateRun } from '../shared/run-gate';
import { isStaleChunk, offerReload } from '../shared/stale-chunk';
import { widgetState } from '../shared/widget-state';
import { browserRunStore, sessionRunMemory } from './run-store';
import { checkSettings, sameRun, studioCodec, type StudioSettings } from './settings';
import type { Phase, StudioSession } from './session';
import type { LeavingCopy, RunView } from './studio-remote';
import type { StudioSources } from './studio-sources';
import { studioView } from './studio-view';
import { CHART_KINDS, chartPlaceholderView, renderChartPlaceholder } from './chart-placeholder';
import { errorMessage } from '../../segnet/core';
import { documentLocale, messages } from '../../i18n';
import { reasonWords } from '../model/run-policy';

type Session = Comlink.Remote<StudioSession>;
type EngineApi = Awaited<ReturnType<typeof engineWorker>>;

type Action = 'start' | 'pause' | 'resume' | 'stop' | 'save' | 'export';

defineWidget('training-studio', (root, id) => {
  const locale = documentLocale();
  const m = messages(locale).trainingStudio;
  const sources = JSON.parse(root.dataset.sources ?? '{"datasets":[],"pretrainedUrl":null}') as StudioSources;
  const report = widgetPart(root, 'report');
  const importInput = widgetPart<HTMLInputElement>(root, 'import');
  const button = (a: Action) => root.querySelector<HTMLButtonElement>(`button[data-action="${a}"]`)!;
  const group = (g: string) => root.querySelector<HTMLFieldSetElement>(`fieldset[data-group="${g}"]`)!;
  const listening = new AbortController();
  const { signal } = listening;
  // Until a run has data, each chart box shows its axes and when it fills in, not a blank frame.
  const words = messages(locale);
  for (const kind of CHART_KINDS) widgetPart(root, kind).replaceChildren(renderChartPlaceholder(chartPlaceholderView(kind, words), words));
  let session: Session | null = null;
  let booting: Promise<Session | null> | null = null;
  /** The worker that holds `session` (the studio is closed there when the widget goes away). */
  let worker: EngineApi | null = null;
  /** Whether this boot brought back a saved run (restoreSaved's own answer, not the view's last message). */
  let restored = false;
  /** The stored-data helpers, once loaded after the page (until then no stored dataset is listed). */
  let stored: typeof import('./stored-datasets') | null = null;
  let phase: Phase = 'idle';
  let run: RunView | null = null;
  let plot: Promise<typeof PlotModule> | null = null;
  /** The latest completed step, sent by the worker, that a leaving page writes (see pagehide below). */
  let leavingCopy: LeavingCopy | null = null;
  const pageStore = browserRunStore(id);

  /**
   * Turns a button on or off. A button that turns off while it has the keyboard focus (Start
   * and Pause turn themselves off when pressed) is marked aria-disabled instead, so the focus
   * stays on it rather than falling back to the page; its clicks are ignored meanwhile.
   */
  const enable = (b: HTMLButtonElement, on: boolean): void => {
    const keepFocus = !on && document.activeElement === b;
    b.disabled = !on && !keepFocus;
    if (keepFocus) b.setAttribute('aria-disabled', 'true');
    else b.removeAttribute('aria-disabled');
  };

  const refresh = (): void => {
    const s = state.get();
    // The weights on a lost device are gone: nothing may be exported from them or imported onto it.
    const lost = root.dataset.deviceLost !== undefined;
    const { errors, warnings } = checkSettings(s, sources.datasets, m);
    const note = stored?.fineTuneNote(s, sources.datasets, sources.camvidPretrainedUrl != null, m) ?? null;
    report.textContent = [...errors, ...warnings, ...(note ? [note] : [])].join(' ');
    report.dataset.kind = errors.length > 0 ? 'error' : warnings.length > 0 ? 'warning' : 'info';
    const active = phase === 'running' || phase === 'busy';
    group('structure').disabled = active || phase === 'paused';
    root.querySelector<HTMLSelectElement>('select[data-field="width"]')!.disabled = s.encoder !== 'vgg16';
    group('schedule').disabled = active;
    group('backend').disabled = active;
    enable(button('start'), !(active || phase === 'paused' || errors.length > 0));
    button('start').textContent = run ? m.buttons.startNew : m.buttons.start;
    enable(button('pause'), phase === 'running');
    enable(button('resume'), run !== null && (phase === 'paused' || (phase === 'stopped' && sameRun(s, run.settings))));
    enable(button('stop'), phase === 'running' || phase === 'paused');
    enable(button('save'), run !== null && !active);
    enable(button('export'), run !== null && !active && !lost);
    importInput.disabled = active || lost;
    for (const b of root.querySelectorAll<HTMLButtonElement>('button[data-saved-action]')) {
      b.disabled = active || (b.dataset.savedAction === 'continue' && b.dataset.runKey === root.dataset.runKey);
    }
    root.dataset.phase = phase;
  };

  const state = widgetState(id, studioCodec, (s) => {
    sync(s);
    refresh();
  });
  const sync = bindFields(root, studioCodec, (patch) => state.set(stored ? stored.withDataDefaults(patch, sources.datasets) : patch), signal, () => state.get());
  sync(state.get());
  // The reader's own datasets (kept in this browser) join the build's in the Data menu, and
  // follow every import and deletion, in this tab or another.
  // (Loaded after the page: the chapter's up-front JavaScript has a budget.)
  const built = sources.datasets.filter((d) => !d.stored);
  void import('./stored-datasets').then((loaded) => {
    stored = loaded;
    loaded.watchStoredDatasets(
      root.querySelector<HTMLSelectElement>('select[data-field="data"]')!,
      m,
      (options) => {
        sources.datasets = [...built, ...options];
        sync(state.get());
        refresh();
        void session?.setStoredDatasets(options);
      },
      signal,
    );
  });

  const say = (text: string, kind: 'info' | 'warning' | 'error' = 'info'): void => {
    const message = widgetPart(root, 'message');
    message.textContent = text;
    message.dataset.kind = kind;
  };

  /** Starts the worker's TF.js and the page's Plot, opens the session, brings back a saved run. Once. */
  const boot = (): Promise<Session | null> => {
    booting ??= (async () => {
      say(m.page.loading);
      refresh();
      plot = import('@observablehq/plot');
      const memory = sessionRunMemory(id);
      const base = studioView(root, plot, {
        phase: (p, r) => {
          phase = p;
          run = r;
          refresh();
        },
        settings: (s) => {
          const current = state.get();
          state.set({ ...s, backend: current.backend });
        },
        remember: (key) => memory.remember(key),
        leaving: (ready) => {
          leavingCopy = ready;
        },
      });
      // Opens this tab's handle on the run store now: a leaving page has no time to open it.
      void pageStore.list().catch(() => undefined);
      const view = {
        ...base,
        deviceLost: () => {
          base.deviceLost();
          refresh();
        },
      };
      const opened = await engineWorker();
      worker = opened;
      const { backend: name, canTrain, refused, reason } = await opened.openStudio({ id, sources, backend: state.get().backend, remembered: memory.remembered(), locale }, Comlink.proxy(view));
      const created = await opened.studio(id);
      session = created;
      // Stored datasets listed while the worker started reach the session too.
      await created.setStoredDatasets(sources.datasets.filter((d) => d.stored));
      say(`${refused}${canTrain ? m.page.ready(name, reason ? reasonWords(reason) : null) : m.page.cannotTrain(name)}`, !canTrain ? 'error' : refused ? 'warning' : 'info');
      restored = await created.restoreSaved().catch((e: unknown) => {
        say(m.page.unreadable(errorMessage(e)), 'error');
        return false;
      });
      root.dataset.ready = restored ? 'restored' : 'fresh';
      refresh();
      return created;
    })().catch((e: unknown) => {
      if (isStaleChunk(e)) offerReload(widgetPart(root, 'message'));
      else say(m.page.failedToStart(errorMessage(e)), 'error');
      booting = null;
      return null;
    });
    return booting;
  };

  const act = async (action: Action): Promise<void> => {
    const loadedBefore = root.dataset.ready !== undefined;
    const s = await boot();
    if (!s) return;
    // A saved run brought back while this click waited is shown, not replaced by a new run at once.
    if (!loadedBefore && action === 'start' && restored) return;
    const settings: StudioSettings = state.get();
    try {
      if (action === 'start') await s.start(settings);
      else if (action === 'pause') await s.pause();
      else if (action === 'resume') await s.resume(settings);
      else if (action === 'stop') await s.stop();
      else if (action === 'save') await s.save();
      else await download(await s.exportFile());
    } catch (e) {
      say(errorMessage(e), 'error');
    }
    refresh();
  };

  for (const action of ['start', 'pause', 'resume', 'stop', 'save', 'export'] as const) {
    button(action).addEventListener(
      'click',
      () => {
        if (button(action).getAttribute('aria-disabled') !== 'true') void act(action);
      },
      { signal },
    );
  }

  importInput.addEventListener(
    'change',
    () => {
      const file = importInput.files?.[0];
      importInput.value = '';
      if (!file) return;
      void boot().then(async (s) => {
        if (!s) return;
        try {
          await s.importFile(file);
        } catch (e) {
          say(errorMessage(e), 'error');
          root.dataset.importError = file.name;
        }
        refresh();
      });
    },
    { signal },
  );

  widgetPart(root, 'saved-runs').addEventListener(
    'click',
    (event) => {
      const target = (event.target as HTMLElement).closest<HTMLButtonElement>('button[data-saved-action]');
      const key = target?.dataset.runKey;
      if (!target || !key || !session || phase === 'running' || phase === 'busy') return;
      const action = target.dataset.savedAction === 'delete' ? session.removeSaved(key) : session.continueSaved(key);
      void action.catch((e: unknown) => say(errorMessage(e), 'error')).then(refresh);
    },
    { signal },
  );

  group('backend').addEventListener(
    'change',
    (event) => {
      // This listener runs before bindFields' (on the root), so read the choice from the control.
      const choice = studioCodec.parse({ backend: (event.target as HTMLSelectElement).value }).backend;
      if (choice && session && phase !== 'running') void session.switchBackend(choice).then(refresh);
    },
    { signal },
  );

  onPageHidden(() => void session?.pageHidden(), signal);
  // A reload, a closed tab or another page: the last completed step is written at once, by the
  // page itself (the worker may be in the middle of a step, which the page does not live to see).
  // Nothing is written from a lost device's weights.
  const leave = (): void => {
    if (leavingCopy && root.dataset.deviceLost === undefined) pageStore.saveNow(leavingCopy.info, leavingCopy.bytes);
  };
  window.addEventListener('pagehide', leave, { signal });
  document.addEventListener('freeze', leave, { signal });

  refresh();
  // Near the viewport TF.js loads by itself, except on small screens, low memory or save-data,
  // where it waits for Start (about 2 MB of code and a lot of computing).
  const cancel = gateRun(root, {
    start: () => void boot(),
    held: (reason) => say(reason === 'save-data' ? m.page.saveData : m.page.device),
  });
  // A worker that dies takes the session with it: said, and the next action starts a new one
  // (which brings the last save back). The page's copy of the last step is still written at pagehide.
  const stopCrashWatch = onEngineCrash((e) => {
    if (!booting) return;
    booting = null;
    session = null;
    worker = null;
    restored = false;
    delete root.dataset.ready;
    phase = 'idle';
    run = null;
    if (isStaleChunk(e)) offerReload(widgetPart(root, 'message'));
    else say(errorMessage(e), 'error');
    refresh();
  });
  return () => {
    cancel();
    listening.abort();
    stopCrashWatch();
    // The worker disposes of the session and forgets it (closing its channel to the view), then
    // the session's own channel closes; a boot still under way is closed when it ends.
    const closing = booting;
    booting = Promise.resolve(null);
    void closing?.then((s) => {
      if (!s) return;
      void worker?.closeStudio(id).catch(() => undefined);
      s[Comlink.releaseProxy]();
    });
  };
});

/** Offers bytes as a file download (a blob: URL, so nothing leaves the page). */
async function download({ name, bytes }: { name: string; bytes: Uint8Array }): Promise<void> {
  const url = URL.createObjectURL(new Blob([bytes.slice().buffer], { type: 'application/octet-stream' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
