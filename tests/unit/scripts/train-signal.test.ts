/**
 * Ctrl-C in a terminal sends SIGINT to the whole process group of `npm run train`, while a
 * training step blocks the event loop. The trainer must still finish the step, write its
 * checkpoint and say so (a wrapper that relays the signal and kills the trainer ~60 ms later,
 * as tsx's CLI does, lost every step since the last checkpoint). A real subprocess, so slow.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSyntheticDataset } from '../../../src/data/node';
import { readCheckpoint } from '../../../src/segnet';
import { checkpointFolder } from '../../../scripts/lib/checkpoint-files';
import { makeTempDir, removeDir } from '../data/helpers/temp-dir';

let root = '';
let data = '';

beforeAll(async () => {
  root = await makeTempDir('unpooled-signal-');
  data = (await writeSyntheticDataset({ height: 32, width: 32, seed: 3, counts: { train: 8, val: 2, test: 2 }, outDir: root })).dir;
});
afterAll(async () => {
  await removeDir(root);
});

describe('npm run train under Ctrl-C', () => {
  it('SIGINT to the process group writes the checkpoint at the current step and logs the interruption', async () => {
    const run = join(root, 'run');
    // detached: the run gets a process group of its own, as a terminal's foreground job has.
    const child = spawn('npm', ['run', '--silent', 'train', '--', '--data', data, '--batch', '2', '--epochs', '20', '--backend', 'wasm', '--out', run], {
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let interruptedAfter = -1;
    const read = (chunk: Buffer): void => {
      output += chunk.toString();
      const steps = [...output.matchAll(/step (\d+)\//g)].map((m) => Number(m[1]));
      if (interruptedAfter < 0 && steps.some((s) => s >= 2)) {
        interruptedAfter = Math.max(...steps);
        process.kill(-child.pid!, 'SIGINT');
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    const exit = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    expect(interruptedAfter).toBeGreaterThanOrEqual(2);
    const line = /train: interrupted at step (\d+); checkpoint written to .*continue with --resume/.exec(output);
    expect(line, output.slice(-2000)).not.toBeNull();
    const step = Number(line![1]);
    expect(step).toBeGreaterThanOrEqual(interruptedAfter);
    expect((await readCheckpoint(checkpointFolder(join(run, 'checkpoint')))).meta.progress.step).toBe(step);
    expect(exit).not.toBe(0);
  }, 240_000);
});
