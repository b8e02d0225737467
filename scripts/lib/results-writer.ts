/**
 * `npm run eval -- --results <file>`: adds one evaluated run to the site's results file
 * (public/models/results.json, format in src/data/results-file.ts), replacing
 * an earlier run of the same name and seed on the same data and split (another seed is kept
 * beside it: the site shows repeats as mean ± sd). An existing file that does not
 * parse is left untouched and named in the error; the new file is written atomically.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';
import { DECODER_LABELS, type DecoderKind, type EncoderKind } from '../../src/segnet';
import { parseResults, RESULTS_FORMAT, RESULTS_VERSION, type ResultRun, type ResultsFile } from '../../src/data/results-file';

/** How the file as a whole is produced: one eval per run, each run keeps its own command. */
export const RESULTS_FILE_COMMAND = 'npm run eval -- --checkpoint <run> --results public/models/results.json (once per run; each run lists its own commands)';

/** The paper's way of naming a variant: "SegNet-Basic", "FCN-Basic", "SegNet (VGG16 x0.25)". */
export function defaultRunName(encoder: EncoderKind, decoder: DecoderKind, widthMultiplier = 1): string {
  const base = DECODER_LABELS[decoder];
  if (encoder === 'basic') return `${base}-Basic`;
  return widthMultiplier === 1 ? base : `${base} (VGG16 x${widthMultiplier})`;
}

/** Reads the results file, or starts an empty one when there is none. */
export function readResultsFile(path: string): ResultsFile {
  if (!existsSync(path)) return { format: RESULTS_FORMAT, version: RESULTS_VERSION, createdAt: new Date().toISOString(), command: RESULTS_FILE_COMMAND, runs: [] };
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new Error(`--results: ${path} is not valid JSON (${(e as Error).message}); fix or remove it, it was left untouched`);
  }
  try {
    return parseResults(json);
  } catch (e) {
    throw new Error(`--results: ${path}: ${(e as Error).message}; fix or remove it, it was left untouched`);
  }
}

/** The file with `run` added, or replacing the run with the same name, seed, dataset and split. */
export function withRun(file: ResultsFile, run: ResultRun, now = new Date()): ResultsFile {
  const same = (r: ResultRun): boolean => r.name === run.name && r.dataset === run.dataset && r.split === run.split && r.seed === run.seed;
  const index = file.runs.findIndex(same);
  const runs = index < 0 ? [...file.runs, run] : file.runs.map((r, i) => (i === index ? run : r));
  return { ...file, command: RESULTS_FILE_COMMAND, createdAt: now.toISOString(), runs };
}

/** Writes the file whole or not at all (a temporary file beside it, then a rename). */
export function writeResultsFile(path: string, file: ResultsFile): void {
  parseResults(JSON.parse(JSON.stringify(file))); // never write what the site would refuse
  const tmp = join(dirname(path), `.${basename(path)}.tmp-${process.pid}`);
  writeFileSync(tmp, `${JSON.stringify(file, null, 2)}\n`);
  renameSync(tmp, path);
}
