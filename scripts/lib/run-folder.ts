/**
 * A training run on disk and its bookkeeping:
 *
 *   runs/<name>/
 *     checkpoint/   model.json + weights.bin: weights, optimizer state, progress (for --resume)
 *     model/        model.json + weights.bin: the final weights only (for publishing)
 *     log.jsonl     one JSON object per line: {"type":"step",...} per step, {"type":"val",...} per epoch
 *     run.unpooled  the last checkpoint as one file, which the training studio imports
 *
 * Resuming rewinds the log to the checkpoint's step, so steps run after the last checkpoint
 * and then lost (Ctrl-C, a crash) are not logged twice.
 */
import { existsSync } from 'node:fs';
import { appendFile, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { MODEL_JSON } from './checkpoint-files';

export interface RunPaths {
  dir: string;
  checkpoint: string;
  model: string;
  log: string;
  /** The run's last checkpoint as one .unpooled file (for the training studio). */
  export: string;
}

export function runPaths(dir: string): RunPaths {
  return { dir, checkpoint: join(dir, 'checkpoint'), model: join(dir, 'model'), log: join(dir, 'log.jsonl'), export: join(dir, 'run.unpooled') };
}

/** The run folder of a --resume argument, which may name the run folder or its checkpoint folder. */
export function resumedRunDir(path: string): string {
  if (existsSync(join(path, 'checkpoint', MODEL_JSON))) return path;
  if (existsSync(join(path, MODEL_JSON)) && basename(path) === 'checkpoint') return dirname(path);
  throw new Error(`--resume: ${path} is neither a run folder (with checkpoint/${MODEL_JSON}) nor a run's checkpoint folder`);
}

/**
 * The checkpoint folder a CLI option names: the folder itself, or in a run folder its
 * model/ (weights only, written at the end) or else its checkpoint/.
 */
export function checkpointDirOf(path: string, option: string): string {
  for (const dir of [path, join(path, 'model'), join(path, 'checkpoint')]) if (existsSync(join(dir, MODEL_JSON))) return dir;
  throw new Error(`${option}: no ${MODEL_JSON} in ${path}, ${join(path, 'model')} or ${join(path, 'checkpoint')}`);
}

/** One line of log.jsonl. */
export type LogRecord =
  | { type: 'step'; step: number; epoch: number; batch: number; loss: number; lr: number; ms: number; imagesPerSecond: number }
  | { type: 'val'; step: number; epoch: number; globalAccuracy: number | null; classAverageAccuracy: number | null; meanIoU: number | null; boundaryF1: number | null }
  | { type: 'event'; step: number; message: string };

/** The records of a log file ([] when there is none yet). */
export async function readLog(path: string): Promise<LogRecord[]> {
  const text = await readFile(path, 'utf8').catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return '';
    throw err;
  });
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, i) => {
      try {
        return JSON.parse(line) as LogRecord;
      } catch {
        throw new Error(`${path}: line ${i + 1} is not JSON: ${line.slice(0, 60)}`);
      }
    });
}

/** The records of a run up to and including `step` (what a run resumed at `step` had logged). */
export function recordsUpTo(records: readonly LogRecord[], step: number): LogRecord[] {
  return records.filter((r) => r.step <= step);
}

/** Rewinds the log file to `step`; returns the losses of the kept steps, oldest first. */
export async function rewindLog(path: string, step: number): Promise<number[]> {
  const kept = recordsUpTo(await readLog(path), step);
  await writeFile(path, kept.map((r) => `${JSON.stringify(r)}\n`).join(''));
  return kept.flatMap((r) => (r.type === 'step' ? [r.loss] : []));
}

/** Appends one record (NaN written as null, as JSON has no NaN). */
export function appendLog(path: string, record: LogRecord): Promise<void> {
  return appendFile(path, `${JSON.stringify(record)}\n`);
}
