/**
 * The paper's tables with this site's runs beside them: each of our runs goes under the paper
 * row of the same encoder and decoder; runs with no such row get a table of their own.
 */
import { PAPER_TABLES, type CostColumn, type PaperRow, type PaperTable } from '../../data/paper-results';
import type { ResultRun } from '../../data/results-file';
import { pageMessages, type Messages } from '../../i18n';

type Words = Messages['resultsTable'];

export const SORT_KEYS = ['paper', 'G', 'C', 'mIoU', 'BF'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export const SCORE_KEYS = ['G', 'C', 'mIoU', 'BF'] as const;
export type ScoreKey = (typeof SCORE_KEYS)[number];

export interface RowView {
  kind: 'paper' | 'ours';
  label: string;
  /** Second line under the label (ours: dataset, split, size). */
  detail: string | null;
  /** The table's cost figures, formatted, in the order of its columns. */
  costs: string[];
  scores: Record<ScoreKey, string>;
}

export interface TableView {
  id: string;
  title: string;
  setting: string;
  costColumns: CostColumn[];
  rows: RowView[];
}

const fixed = (v: number | null, digits: number): string => (v === null || Number.isNaN(v) ? '–' : v.toFixed(digits));

const percent = (v: number | null): number => (v === null ? NaN : v * 100);

/** A run's scores in percent, as the paper prints them (NaN where the run has none). */
export function runScores(run: ResultRun): Record<ScoreKey, number> {
  return { G: percent(run.globalAccuracy), C: percent(run.classAverageAccuracy), mIoU: percent(run.meanIoU), BF: percent(run.boundaryF1) };
}

/** A paper score as printed: at least one decimal (BF always two). */
const paperScore = (v: number, key: ScoreKey): string => v.toFixed(key === 'BF' || !Number.isInteger(Math.round(v * 100) / 10) ? 2 : 1);

/**
 * Our run's cost figures for a table's columns: Table 1 takes the parameter count in millions,
 * Table 3 the model size in MB (float32 weights); storage and memory are not measured; the
 * inference time where the run has one.
 */
function ourCosts(tableId: string, run: ResultRun): (number | null)[] {
  const size = tableId === 'table3' ? (run.parameters * 4) / 1e6 : run.parameters / 1e6;
  return [size, null, run.inferenceMs?.value ?? null];
}

/** Sort key of a score: NaN sorts last. */
const rank = (v: number): number => (Number.isNaN(v) ? -Infinity : v);

const formatCosts = (costs: readonly (number | null)[], columns: readonly CostColumn[]): string[] =>
  columns.map((col, i) => fixed(costs[i] ?? null, col.digits));

function paperRow(row: PaperRow, columns: readonly CostColumn[], m: Words): RowView {
  return {
    kind: 'paper',
    label: m.variantName(row.variant),
    detail: null,
    costs: formatCosts(row.costs, columns),
    scores: { G: paperScore(row.G, 'G'), C: paperScore(row.C, 'C'), mIoU: paperScore(row.mIoU, 'mIoU'), BF: paperScore(row.BF, 'BF') },
  };
}

function ourRow(run: ResultRun, label: string, tableId: string, columns: readonly CostColumn[], m: Words): RowView {
  const s = runScores(run);
  const timing = run.inferenceMs;
  return {
    kind: 'ours',
    label,
    detail: m.runDetail(run.dataset, m.split(run.split), `${run.height} × ${run.width}`, timing?.backend ?? null, timing?.device || null),
    costs: formatCosts(ourCosts(tableId, run), columns),
    scores: { G: fixed(s.G, 1), C: fixed(s.C, 1), mIoU: fixed(s.mIoU, 1), BF: fixed(s.BF, 2) },
  };
}

const matches = (row: PaperRow, run: ResultRun): boolean => row.encoder === run.encoder && row.decoder === run.decoder;

/** A paper table's title, setting and column heads in the catalogue's words (the data's own where it has none). */
function tableWords(table: PaperTable, m: Words): Pick<TableView, 'title' | 'setting' | 'costColumns'> {
  const words = m.tables[table.id];
  if (!words) return { title: table.title, setting: table.setting, costColumns: table.costColumns };
  const costColumns = table.costColumns.map((c, i) => ({ ...c, label: words.columns[i]?.label ?? c.label, description: words.columns[i]?.description ?? c.description }));
  return { title: words.title, setting: words.setting, costColumns };
}

/** Paper rows in the chosen order, each followed by our matching runs. */
function tableView(table: PaperTable, runs: readonly ResultRun[], sort: SortKey, m: Words): TableView {
  const rows = sort === 'paper' ? table.rows : [...table.rows].sort((a, b) => b[sort] - a[sort]);
  return {
    id: table.id,
    ...tableWords(table, m),
    rows: rows.flatMap((row) => [
      paperRow(row, table.costColumns, m),
      ...runs.filter((r) => matches(row, r)).map((r) => ourRow(r, m.oursLabel(r.name), table.id, table.costColumns, m)),
    ]),
  };
}

/** Both paper tables with our runs, and a table of our runs that match no paper row. */
export function resultsTables(runs: readonly ResultRun[], sort: SortKey, m: Words = pageMessages().resultsTable): TableView[] {
  const tables = PAPER_TABLES.map((t) => tableView(t, runs, sort, m));
  const unmatched = runs.filter((r) => !PAPER_TABLES.some((t) => t.rows.some((row) => matches(row, r))));
  if (unmatched.length > 0) {
    const sorted = sort === 'paper' ? unmatched : [...unmatched].sort((a, b) => rank(runScores(b)[sort]) - rank(runScores(a)[sort]));
    const columns = tables[0]!.costColumns;
    tables.push({ id: 'ours', ...m.otherRuns, costColumns: columns, rows: sorted.map((r) => ourRow(r, m.variantName(r.name), 'ours', columns, m)) });
  }
  return tables;
}
