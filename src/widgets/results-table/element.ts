/**
 * <results-table>: the paper's Tables 1 and 3 with this site's measured runs beside them (from
 * build-time JSON), and, when there are runs, their per-class IoU as bars (Observable Plot,
 * imported only then).
 */
import { pageMessages } from '../../i18n';
import { bindFields } from '../shared/bind-fields';
import { defineWidget, widgetPart } from '../shared/define-widget';
import { widgetState } from '../shared/widget-state';
import { h } from '../shared/dom';
import { renderIouChart, renderOursNote, renderResultsTables } from './render';
import { RESULTS_COMMAND } from '../../data/results-file';
import type { ResultsSource } from './results-source';
import { resultsCodecFor, type ResultsState } from './state';
import { resultsTables } from './table-view';
import { errorMessage } from '../../segnet/core';

defineWidget('results-table', (root, id) => {
  const source = JSON.parse(root.dataset.results ?? '{"state":"missing"}') as ResultsSource;
  const runs = source.state === 'measured' ? source.results.runs : [];
  const tables = widgetPart(root, 'tables');
  const chart = widgetPart(root, 'chart');
  const words = pageMessages();
  const resultsCodec = resultsCodecFor(runs);
  const t = words.resultsTable;
  widgetPart(root, 'note').replaceChildren(renderOursNote(source, RESULTS_COMMAND, t));
  let live = true;

  const drawChart = (s: ResultsState): void => {
    const run = runs[Math.min(s.run, runs.length - 1)];
    if (!run) return;
    import('@observablehq/plot').then(
      (Plot) => {
        if (!live || state.get().run !== s.run) return;
        chart.replaceChildren(h('p', { class: 'iou-title' }, t.chartTitle(run.name)), renderIouChart(Plot, run, Math.max(260, chart.clientWidth || 640), words));
      },
      (error: unknown) => chart.replaceChildren(h('p', {}, t.chartFailed(errorMessage(error)))),
    );
  };

  const draw = (s: ResultsState): void => {
    tables.replaceChildren(renderResultsTables(resultsTables(runs, s.sort, t), s.sort, t));
    root.dataset.shown = s.sort;
  };

  const state = widgetState(id, resultsCodec, (s) => {
    sync(s);
    draw(s);
    drawChart(s);
  });
  const sync = bindFields(root, resultsCodec, (patch) => state.set(patch));
  sync(state.get());
  draw(state.get());
  if (runs.length > 0) drawChart(state.get());
  return () => {
    live = false;
  };
});
