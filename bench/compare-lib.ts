/**
 * The pure part of `npm run bench:compare`: reading the JSON of scripts/bench.ts (TF.js) and
 * of bench/pytorch_segnet.py (PyTorch), pairing their rows by model and input size, and
 * writing TF.js time / PyTorch time as a table, Markdown or JSON. No file or process access
 * here, so that every rule (and every error message) is unit-tested.
 */
import type { BenchRow } from '../scripts/lib/bench-row';

/** One row of `npm run bench -- --json` (scripts/bench.ts). */
export type TfjsRow = BenchRow;

/** scripts/bench.ts writes the training batch once, beside the rows. */
export interface TfjsReport {
  file: string;
  batch: number;
  rows: TfjsRow[];
}

/** One row of `python3 bench/pytorch_segnet.py --json`. */
export interface PytorchRow {
  device: string;
  model: string;
  size: string;
  batch: number;
  inferMsPerImage: number;
  trainMsPerStep: number;
  trainImagesPerSecond: number;
}

export interface PytorchReport {
  file: string;
  /** CPU threads torch used, when the report says (it matters for CPU runs). */
  threads: number | null;
  /** The thread count was torch's own choice (no --threads given). */
  threadsDefault: boolean;
  deviceName: string | null;
  rows: PytorchRow[];
}

/** Repeated measurements of one time: several runs of the same configuration. */
export interface Stat {
  /** sorted[floor(n / 2)], the rule scripts/bench.ts uses within a run. */
  median: number;
  min: number;
  max: number;
  n: number;
}

/** One TF.js configuration (all runs of it) against one PyTorch configuration of the same model and size. */
export interface Comparison {
  model: string;
  size: string;
  tfjsBackend: string;
  /** e.g. 'cpu, 1 thread' or 'cuda (NVIDIA H100)'. */
  pytorch: string;
  tfjsBatch: number;
  pytorchBatch: number;
  /** Training batches differ: the train ratio compares different amounts of work. */
  batchMismatch: boolean;
  tfjsInfer: Stat;
  pytorchInfer: Stat;
  /** Median TF.js ms per image / median PyTorch ms per image. */
  inferRatio: number;
  /** The widest ratio the runs allow: [fastest TF.js / slowest PyTorch, slowest TF.js / fastest PyTorch]. */
  inferRatioRange: [number, number];
  /** null where TF.js could not train. */
  tfjsTrain: Stat | null;
  pytorchTrain: Stat;
  /** Median TF.js ms per step / median PyTorch ms per step. */
  trainRatio: number | null;
  trainRatioRange: [number, number] | null;
}

export interface ComparisonResult {
  comparisons: Comparison[];
  /** Configurations of either side that found no partner, as 'files: model size (backend)'. */
  unmatched: string[];
}

/** A report that cannot be used; the message always names the file. */
export class ReportError extends Error {}

/**
 * JSON.parse, tolerating lines before the document: `npm run bench -- --json > f.json`
 * (without --silent) writes npm's own header lines to stdout first.
 */
export function parseJsonDocument(text: string, file: string): unknown {
  if (text.trim() === '') throw new ReportError(`${file}: the file is empty (expected the JSON that --json prints)`);
  try {
    return JSON.parse(text);
  } catch (first) {
    const start = text.search(/^[{[]/m);
    if (start > 0) {
      try {
        return JSON.parse(text.slice(start));
      } catch {
        // fall through to the first error, which is about the whole file
      }
    }
    throw new ReportError(`${file}: not valid JSON (${first instanceof Error ? first.message : String(first)})`);
  }
}

type Field = 'string' | 'number' | 'number|null';

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function checkFields(row: Record<string, unknown>, fields: Record<string, Field>, where: string): void {
  for (const [name, type] of Object.entries(fields)) {
    const v = row[name];
    const ok =
      type === 'string' ? typeof v === 'string' : type === 'number' ? typeof v === 'number' && Number.isFinite(v) : v === null || (typeof v === 'number' && Number.isFinite(v));
    if (!ok) {
      const got = v === undefined ? 'it is missing' : `got ${JSON.stringify(v)}`;
      throw new ReportError(`${where}.${name} must be ${type === 'number|null' ? 'a number or null' : `a ${type}`}, ${got}`);
    }
  }
}

function rowsOf(doc: unknown, file: string, expected: string): unknown[] {
  const rows = Array.isArray(doc) ? doc : isRecord(doc) ? doc.rows : undefined;
  if (!Array.isArray(rows)) throw new ReportError(`${file}: expected ${expected}, but found no "rows" array`);
  if (rows.length === 0) throw new ReportError(`${file}: "rows" is empty, nothing to compare`);
  return rows;
}

const positiveInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v > 0;

/** Reads the output of `npm run bench -- --json`. */
export function parseTfjsReport(text: string, file: string): TfjsReport {
  const doc = parseJsonDocument(text, file);
  const expected = 'a TF.js report from `npm run bench -- --json` ({ batch, rows: [{ backend, model, size, ... }] })';
  const rows = rowsOf(doc, file, expected);
  if (rows.some((r) => isRecord(r) && r.framework === 'pytorch')) {
    throw new ReportError(`${file}: this is a PyTorch report (framework 'pytorch'); pass it with --pytorch, and the TF.js one with --tfjs`);
  }
  const batch = isRecord(doc) ? doc.batch : undefined;
  if (!positiveInt(batch)) throw new ReportError(`${file}: expected ${expected}, but "batch" is ${batch === undefined ? 'missing' : JSON.stringify(batch)}`);
  const fields = { backend: 'string', model: 'string', size: 'string', inferMsPerImage: 'number', trainMsPerStep: 'number|null', trainImagesPerSecond: 'number|null' } as const;
  return {
    file,
    batch,
    rows: rows.map((r, i) => {
      if (!isRecord(r)) throw new ReportError(`${file}: rows[${i}] must be an object`);
      checkFields(r, fields, `${file}: rows[${i}]`);
      return { ...(r as unknown as TfjsRow), note: typeof r.note === 'string' ? r.note : '' };
    }),
  };
}

/** Reads the output of `python3 bench/pytorch_segnet.py --json`. */
export function parsePytorchReport(text: string, file: string): PytorchReport {
  const doc = parseJsonDocument(text, file);
  const expected = 'a PyTorch report from `python3 bench/pytorch_segnet.py --json` ({ rows: [{ framework: "pytorch", device, model, size, batch, ... }] })';
  const rows = rowsOf(doc, file, expected);
  const fields = { device: 'string', model: 'string', size: 'string', batch: 'number', inferMsPerImage: 'number', trainMsPerStep: 'number', trainImagesPerSecond: 'number' } as const;
  const parsed = rows.map((r, i) => {
    if (!isRecord(r)) throw new ReportError(`${file}: rows[${i}] must be an object`);
    if (r.framework !== 'pytorch') {
      const hint = typeof r.backend === 'string' ? '; it looks like a TF.js report: pass it with --tfjs' : '';
      throw new ReportError(`${file}: rows[${i}].framework must be 'pytorch', got ${JSON.stringify(r.framework)}${hint}`);
    }
    checkFields(r, fields, `${file}: rows[${i}]`);
    if (!positiveInt(r.batch)) throw new ReportError(`${file}: rows[${i}].batch must be a positive integer, got ${JSON.stringify(r.batch)}`);
    return r as unknown as PytorchRow;
  });
  const threads = isRecord(doc) && positiveInt(doc.threads) ? doc.threads : null;
  const threadsDefault = isRecord(doc) && doc.threadsDefault === true;
  const deviceName = isRecord(doc) && typeof doc.deviceName === 'string' ? doc.deviceName : null;
  return { file, threads, threadsDefault, deviceName, rows: parsed };
}

/** How a PyTorch run is named in the table: CPU runs by thread count, GPU runs by device. */
export function pytorchLabel(report: PytorchReport, row: PytorchRow): string {
  if (row.device === 'cpu') {
    if (report.threads === null) return report.threadsDefault ? 'cpu, default threads' : 'cpu';
    return `cpu, ${report.threads} thread${report.threads === 1 ? '' : 's'}${report.threadsDefault ? ' (default)' : ''}`;
  }
  return report.deviceName ? `${row.device} (${report.deviceName})` : row.device;
}

/** 'VGG16-SegNet x0.25' and 'vgg16-segnet  x0.25' are one model; sizes as 96x128. */
function key(model: string, size: string): string {
  return `${model.toLowerCase().replace(/\s+/g, ' ').trim()}|${size.toLowerCase().replace(/\s+/g, '')}`;
}

/** Median (the upper one for even counts, as scripts/bench.ts), minimum and maximum. */
export function stat(values: number[]): Stat {
  if (values.length === 0) throw new Error('stat: no values');
  const sorted = [...values].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)]!, min: sorted[0]!, max: sorted[sorted.length - 1]!, n: sorted.length };
}

interface Group<R> {
  label: string;
  model: string;
  size: string;
  batch: number;
  files: Set<string>;
  rows: R[];
}

/** Collects rows of the same configuration (runs repeated to tame a noisy machine) in first-seen order. */
function groupRows<R>(items: { file: string; row: R; label: string; model: string; size: string; batch: number }[]): Group<R>[] {
  const groups = new Map<string, Group<R>>();
  for (const it of items) {
    const k = `${it.label}|${key(it.model, it.size)}|${it.batch}`;
    let g = groups.get(k);
    if (!g) {
      g = { label: it.label, model: it.model, size: it.size, batch: it.batch, files: new Set(), rows: [] };
      groups.set(k, g);
    }
    g.files.add(it.file);
    g.rows.push(it.row);
  }
  return [...groups.values()];
}

const range = (t: Stat, p: Stat): [number, number] => [ratio(t.min, p.max), ratio(t.max, p.min)];

/**
 * Pairs every TF.js configuration (backend, model, size, batch) with every PyTorch one
 * (device and threads, model, size, batch) of the same model and size. Rows of the same
 * configuration from several files are runs of it: their times are summarised as median,
 * minimum and maximum, and the ratio is median over median.
 */
export function compareReports(tfjs: TfjsReport[], pytorch: PytorchReport[]): ComparisonResult {
  const tGroups = groupRows(tfjs.flatMap((t) => t.rows.map((row) => ({ file: t.file, row, label: row.backend, model: row.model, size: row.size, batch: t.batch }))));
  const pGroups = groupRows(pytorch.flatMap((p) => p.rows.map((row) => ({ file: p.file, row, label: pytorchLabel(p, row), model: row.model, size: row.size, batch: row.batch }))));
  const comparisons: Comparison[] = [];
  const used = new Set<Group<PytorchRow>>();
  const unmatched: string[] = [];
  for (const t of tGroups) {
    const partners = pGroups.filter((p) => key(p.model, p.size) === key(t.model, t.size));
    if (partners.length === 0) unmatched.push(`${[...t.files].join(', ')}: ${t.model} ${t.size} (${t.label}) has no PyTorch row`);
    const tfjsInfer = stat(t.rows.map((r) => r.inferMsPerImage));
    const trains = t.rows.map((r) => r.trainMsPerStep);
    const tfjsTrain = trains.some((v) => v === null) ? null : stat(trains as number[]);
    for (const p of partners) {
      used.add(p);
      const pytorchInfer = stat(p.rows.map((r) => r.inferMsPerImage));
      const pytorchTrain = stat(p.rows.map((r) => r.trainMsPerStep));
      comparisons.push({
        model: t.model,
        size: t.size,
        tfjsBackend: t.label,
        pytorch: p.label,
        tfjsBatch: t.batch,
        pytorchBatch: p.batch,
        batchMismatch: t.batch !== p.batch,
        tfjsInfer,
        pytorchInfer,
        inferRatio: ratio(tfjsInfer.median, pytorchInfer.median),
        inferRatioRange: range(tfjsInfer, pytorchInfer),
        tfjsTrain,
        pytorchTrain,
        trainRatio: tfjsTrain && ratio(tfjsTrain.median, pytorchTrain.median),
        trainRatioRange: tfjsTrain && range(tfjsTrain, pytorchTrain),
      });
    }
  }
  for (const p of pGroups) if (!used.has(p)) unmatched.push(`${[...p.files].join(', ')}: ${p.model} ${p.size} (${p.label}) has no TF.js row`);
  return { comparisons, unmatched };
}

/** TF.js time / PyTorch time: above 1, TF.js is slower by that factor. */
export function ratio(tfjsMs: number, pytorchMs: number): number {
  if (!(pytorchMs > 0)) throw new ReportError(`a PyTorch time must be positive to divide by, got ${pytorchMs}`);
  return tfjsMs / pytorchMs;
}

const ms = (v: number | null): string => (v === null ? 'n/a' : v >= 100 ? v.toFixed(0) : v.toFixed(1));
export const formatRatio = (r: number | null): string => (r === null ? 'n/a' : `${r >= 10 ? r.toFixed(1) : r.toFixed(2)}x`);
/** '4.50x', or '4.50x (3.1-6.2)' when several runs give a range. */
function ratioCell(r: number | null, span: [number, number] | null, runs: boolean): string {
  if (r === null || !span || !runs) return formatRatio(r);
  const f = (v: number) => (v >= 10 ? v.toFixed(0) : v.toFixed(1));
  return `${formatRatio(r)} (${f(span[0])}-${f(span[1])})`;
}
const batchCell = (c: Comparison): string => (c.batchMismatch ? `${c.tfjsBatch} vs ${c.pytorchBatch} (differ)` : String(c.tfjsBatch));

const HEADERS = ['model', 'size', 'TF.js', 'PyTorch', 'batch', 'runs', 'train ms TF.js', 'train ms PyTorch', 'train ratio', 'infer ms TF.js', 'infer ms PyTorch', 'infer ratio'];
const FIRST_NUMERIC = 6;

function cells(c: Comparison): string[] {
  const runs = c.tfjsInfer.n > 1 || c.pytorchInfer.n > 1;
  return [
    c.model,
    c.size,
    c.tfjsBackend,
    c.pytorch,
    batchCell(c),
    `${c.tfjsInfer.n}/${c.pytorchInfer.n}`,
    ms(c.tfjsTrain?.median ?? null),
    ms(c.pytorchTrain.median),
    ratioCell(c.trainRatio, c.trainRatioRange, runs),
    ms(c.tfjsInfer.median),
    ms(c.pytorchInfer.median),
    ratioCell(c.inferRatio, c.inferRatioRange, runs),
  ];
}

function footnotes(result: ComparisonResult): string[] {
  const notes = ['ratio = TF.js time / PyTorch time (train: ms per step; infer: ms per image at batch 1).'];
  if (result.comparisons.some((c) => c.tfjsInfer.n > 1 || c.pytorchInfer.n > 1)) {
    notes.push('runs = TF.js runs / PyTorch runs; times are medians over runs, and the range in brackets is fastest TF.js / slowest PyTorch to slowest TF.js / fastest PyTorch.');
  }
  if (result.comparisons.some((c) => c.batchMismatch)) notes.push('Rows marked "differ" trained on different batch sizes: their train ratio compares different work.');
  for (const u of result.unmatched) notes.push(`Unmatched: ${u}.`);
  return notes;
}

/** A plain-text table with aligned columns, for the terminal. */
export function formatTable(result: ComparisonResult): string {
  const rows = [HEADERS, ...result.comparisons.map(cells)];
  const widths = HEADERS.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const numeric = (i: number) => i >= FIRST_NUMERIC;
  const line = (r: string[]) => r.map((v, i) => (numeric(i) ? v.padStart(widths[i]!) : v.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(HEADERS), ...result.comparisons.map((c) => line(cells(c))), '', ...footnotes(result)].join('\n');
}

/** A GitHub-flavoured Markdown table (pipes in names escaped), for README files and reviews. */
export function formatMarkdown(result: ComparisonResult): string {
  const esc = (v: string) => v.replace(/\|/g, '\\|');
  const row = (r: string[]) => `| ${r.map(esc).join(' | ')} |`;
  const align = `| ${HEADERS.map((_, i) => (i >= FIRST_NUMERIC ? '---:' : '---')).join(' | ')} |`;
  return [row(HEADERS), align, ...result.comparisons.map((c) => row(cells(c))), '', ...footnotes(result).map((n) => `- ${n}`)].join('\n');
}

/** The comparison as one JSON document (numbers unrounded). */
export function formatJson(result: ComparisonResult): string {
  return JSON.stringify(result, null, 2);
}
