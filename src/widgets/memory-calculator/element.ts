/**
 * <memory-calculator>: binds the size and encoder controls and the URL state to the renderer.
 * memoryReport lives in src/segnet, whose model code imports TF.js, so it is imported only
 * when the widget comes near the viewport, together with the chart code (d3-scale): the
 * chapter's first load stays light.
 */
import { bindFields } from '../shared/bind-fields';
import { defineWidget, widgetPart } from '../shared/define-widget';
import { whenNearViewport } from '../shared/near-viewport';
import { widgetState } from '../shared/widget-state';
import { memoryCodec, reportOptions, type MemoryState } from './state';

/** What the widget loads late. */
interface Late {
  memoryReport: typeof import('../../segnet').memoryReport;
  memoryView: typeof import('./memory-bars').memoryView;
  memorySentence: typeof import('./memory-bars').memorySentence;
  renderMemory: typeof import('./render').renderMemory;
}

async function loadLate(): Promise<Late> {
  const [memory, bars, render] = await Promise.all([import('../../segnet'), import('./memory-bars'), import('./render')]);
  return { memoryReport: memory.memoryReport, memoryView: bars.memoryView, memorySentence: bars.memorySentence, renderMemory: render.renderMemory };
}

defineWidget('memory-calculator', (root, id) => {
  const stage = widgetPart(root, 'stage');
  const caption = widgetPart(root, 'caption');
  const multiplier = root.querySelector<HTMLSelectElement>('[data-field="multiplier"]');
  let late: Late | null = null;

  const draw = (s: MemoryState): void => {
    if (multiplier) multiplier.disabled = s.encoder === 'basic';
    if (!late) return;
    const view = late.memoryView(late.memoryReport(reportOptions(s)));
    stage.replaceChildren(late.renderMemory(view));
    caption.textContent = late.memorySentence(view);
  };
  const state = widgetState(id, memoryCodec, (s) => {
    sync(s);
    draw(s);
  });
  const listening = new AbortController();
  const sync = bindFields(root, memoryCodec, (patch) => state.set(patch), listening.signal);
  sync(state.get());
  draw(state.get());

  const cancel = whenNearViewport(root, () => {
    loadLate()
      .then((loaded) => {
        late = loaded;
        draw(state.get());
      })
      .catch((error: unknown) => {
        stage.textContent = `The memory report could not be loaded: ${String(error)}`;
      });
  });
  return () => {
    listening.abort();
    cancel();
  };
});
