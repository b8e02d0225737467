/** What the CLI tests share: a tiny synthetic dataset in a temporary folder, and captured output. */
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll } from 'vitest';
import type { CliIo } from '../../../scripts/lib/train-cli';
import { writeSyntheticDataset } from '../../../src/data/node';
import { makeTempDir, removeDir } from '../data/helpers/temp-dir';

/** A temporary root holding one synthetic dataset of side x side frames (4 train, 2 val, 2 test); removed after the file's tests. */
export function useTinyDataset(prefix: string, side: number, seed: number): { root: string; data: string } {
  const where = { root: '', data: '' };
  beforeAll(async () => {
    where.root = await makeTempDir(prefix);
    where.data = (await writeSyntheticDataset({ height: side, width: side, seed, counts: { train: 4, val: 2, test: 2 }, outDir: where.root })).dir;
  });
  afterAll(async () => {
    await removeDir(where.root);
    await tf.setBackend('cpu');
  });
  return where;
}

/** Captured output; `onProgress` sees every progress-bar write. */
export function capture(onProgress: (text: string) => void = () => {}): CliIo & { lines: string[] } {
  const lines: string[] = [];
  const progress = { isTTY: false, write: (s: string) => (onProgress(s), true) } as unknown as NodeJS.WriteStream;
  return { lines, out: (line) => lines.push(line), progress };
}
