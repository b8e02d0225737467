/**
 * <memory-calculator>: binds the size and encoder controls and the URL state to the renderer.
 * The arithmetic (memoryReportWith, from the engine's TF-free entry) takes the parameter counts
 * the build wrote into `data-parameters`, so the page never loads TF.js for it; it and the
 * chart code (d3-scale) load when the widget comes near the viewport.
 */
import { pageMessages } from '../../i18n';
import { bindFields } from '../shared/bind-fields';
import { boxWidth, watchWidth } from '../shared/fit-width';
import { defineWidget, widgetPart } from '../shared/define-widget';
import { whenNearViewport } from '../shared/near-viewport';
import { widgetState } from '../shared/widget-state';
import { memoryCodec, reportOptions, sideProblem, type MemoryState } from './state';
import { parseParameterTable, tableCounter } from './parameter-table';

/** What the widget loads late. */
interface Late {
  memoryReportWith: typeof import('../../segnet/core').memoryReportWith;
  memoryView: typeof import('./memory-bars').memoryView;
  memorySentence: typeof import('./memory-bars').memorySentence;
  renderMemory: typeof import('./render').renderMemory;
}

async function loadLate(): Promise<Late> {
  const [memory, bars, render] = await Promise.all([import('../../segnet/core'), import('./memory-bars'), import('./render')]);
  return { memoryReportWith: memory.memoryReportWith, memoryView: bars.memoryView, memorySentence: bars.memorySentence, renderMemory: render.renderMemory };
}

/** The chart's width follows its box between these (CSS pixels). */
const CHART_WIDTH = { min: 280, max: 640 } as const;

defineWidget('memory-calculator', (root, id) => {
  const stage = widgetPart(root, 'stage');
  const caption = widgetPart(root, 'caption');
  const multiplier = root.querySelector<HTMLSelectElement>('[data-field="multiplier"]');
  let late: Late | null = null;
  const t = pageMessages().memoryCalculator;
  const parameters = tableCounter(parseParameterTable(root.dataset.parameters));

  const problem = widgetPart(root, 'problem');
  const draw = (s: MemoryState): void => {
    if (multiplier) multiplier.disabled = s.encoder === 'basic';
    if (!late) return;
    const view = late.memoryView(late.memoryReportWith(reportOptions(s), parameters), t);
    stage.replaceChildren(late.renderMemory(view, { width: boxWidth(stage, CHART_WIDTH.min, CHART_WIDTH.max), messages: t }));
    caption.textContent = late.memorySentence(view, t);
  };
  const stopWatching = watchWidth(stage, CHART_WIDTH.min, CHART_WIDTH.max, () => draw(state.get()));
  const state = widgetState(id, memoryCodec, (s) => {
    sync(s);
    draw(s);
  });
  const listening = new AbortController();
  const sync = bindFields(root, memoryCodec, (patch) => state.set(patch), listening.signal);
  // A size the codec refuses (7, 2000, 12.5) changes nothing; say why next to the field.
  root.addEventListener(
    'input',
    (event) => {
      const el = event.target;
      if (!(el instanceof HTMLInputElement) || (el.dataset.field !== 'height' && el.dataset.field !== 'width')) return;
      const why = sideProblem(el.dataset.field, el.value, state.get()[el.dataset.field], t.side);
      el.setAttribute('aria-invalid', String(why !== null));
      problem.textContent = why ?? '';
      problem.hidden = why === null;
    },
    { signal: listening.signal },
  );
  sync(state.get());
  draw(state.get());

  const cancel = whenNearViewport(root, () => {
    loadLate()
      .then((loaded) => {
        late = loaded;
        draw(state.get());
      })
      .catch((error: unknown) => {
        stage.textContent = t.loadFailed(String(error));
      });
  });
  return () => {
    listening.abort();
    stopWatching();
    cancel();
  };
});
