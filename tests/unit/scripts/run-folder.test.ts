import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { appendLog, readLog, recordsUpTo, resumedRunDir, rewindLog, type LogRecord } from '../../../scripts/lib/run-folder';
import { resumePoint } from '../../../scripts/lib/run-setup';
import { makeTempDir, removeDir } from '../data/helpers/temp-dir';

const dirs: string[] = [];
afterEach(async () => Promise.all(dirs.splice(0).map(removeDir)));

const step = (n: number, loss: number): LogRecord => ({ type: 'step', step: n, epoch: 0, batch: n, loss, lr: 0.1, ms: 10, imagesPerSecond: 1 });

describe('resumePoint(saved, batchesPerEpoch) (scripts/lib/run-setup.ts)', () => {
  it('goes on in the same epoch after a mid-epoch checkpoint', () => {
    expect(resumePoint({ step: 7, epoch: 1, batch: 3 }, 4)).toEqual({ step: 7, epoch: 1, batch: 3 });
  });

  it('goes on with the next epoch after an end-of-epoch checkpoint', () => {
    expect(resumePoint({ step: 8, epoch: 1, batch: 4 }, 4)).toEqual({ step: 8, epoch: 2, batch: 0 });
  });
});

describe('the log of a resumed run (scripts/lib/run-folder.ts)', () => {
  it('recordsUpTo keeps what was logged up to the checkpoint, validation included', () => {
    const records: LogRecord[] = [step(1, 3), step(2, 2), { type: 'val', step: 2, epoch: 0, globalAccuracy: 0.5, classAverageAccuracy: null, meanIoU: 0.1, boundaryF1: 0.2 }, step(3, 1)];
    expect(recordsUpTo(records, 2)).toEqual(records.slice(0, 3));
  });

  it('rewindLog drops the steps after the checkpoint from the file and returns the kept losses', async () => {
    const dir = await makeTempDir('unpooled-run-');
    dirs.push(dir);
    const log = join(dir, 'log.jsonl');
    for (const r of [step(1, 3), step(2, 2), step(3, 1)]) await appendLog(log, r);
    expect(await rewindLog(log, 2)).toEqual([3, 2]);
    expect((await readLog(log)).map((r) => r.step)).toEqual([1, 2]);
    expect((await readFile(log, 'utf8')).endsWith('}\n')).toBe(true);
  });

  it('names the line of a damaged log', async () => {
    const dir = await makeTempDir('unpooled-run-');
    dirs.push(dir);
    await writeFile(join(dir, 'log.jsonl'), `${JSON.stringify(step(1, 1))}\n{"type": "st`);
    await expect(readLog(join(dir, 'log.jsonl'))).rejects.toThrow(/log.jsonl: line 2 is not JSON/);
  });

  it('resumedRunDir accepts a run folder or its checkpoint folder, and names anything else', async () => {
    const dir = await makeTempDir('unpooled-run-');
    dirs.push(dir);
    await mkdir(join(dir, 'checkpoint'));
    await writeFile(join(dir, 'checkpoint', 'model.json'), '{}');
    expect(resumedRunDir(dir)).toBe(dir);
    expect(resumedRunDir(join(dir, 'checkpoint'))).toBe(dir);
    expect(() => resumedRunDir(join(dir, 'nothing'))).toThrow(/--resume: .*nothing is neither a run folder \(with checkpoint\/model.json\) nor a run's checkpoint folder/);
  });
});
