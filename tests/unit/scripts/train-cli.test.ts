/**
 * The train and eval CLIs end to end, in-process, on the wasm backend and a tiny generated
 * dataset: a 2-step run, --resume for a third step (checked bit for bit against a 3-step run),
 * Ctrl-C, a diverging run, and eval on the result.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evalCli } from '../../../scripts/lib/eval-cli';
import { readLog } from '../../../scripts/lib/run-folder';
import { trainCli } from '../../../scripts/lib/train-cli';
import { countParameters, readCheckpoint, TrainingController } from '../../../src/segnet';
import { parseResults } from '../../../src/data/results-file';
import { checkpointFolder } from '../../../scripts/lib/checkpoint-files';
import { capture, useTinyDataset } from './cli-fixture';

const tmp = useTinyDataset('unpooled-cli-', 16, 5);
const train = (argv: string[], io = capture(), controller = new TrainingController()) => trainCli([...argv, '--backend', 'wasm'], io, controller);
const weightsOf = (run: string) => readFile(join(run, 'model', 'weights.bin'));

describe('npm run train / npm run eval (scripts/lib/train-cli.ts, eval-cli.ts)', () => {
  it('trains 2 steps, resumes for step 3 exactly as an uninterrupted run, and evaluates the result', async () => {
    const run = join(tmp.root, 'run');
    const common = ['--data', tmp.data, '--batch', '2', '--augment', '--lr', '0.01'];
    expect(await train([...common, '--epochs', '1', '--out', run])).toBe(0);
    expect((await readCheckpoint(checkpointFolder(join(run, 'checkpoint')))).meta.progress).toEqual({ step: 2, epoch: 0, batch: 2 });

    const io = capture();
    expect(await train(['--resume', run, '--epochs', '2', '--max-steps', '3'], io)).toBe(0);
    expect(io.lines).toContain('train: resumed at step 2 (epoch 1, batch 2)');
    const log = await readLog(join(run, 'log.jsonl'));
    expect(log.filter((r) => r.type === 'step').map((r) => [r.step, r.epoch, r.batch])).toEqual([[1, 0, 1], [2, 0, 2], [3, 1, 1]]);
    expect(log.filter((r) => r.type === 'val').map((r) => r.step)).toEqual([2]);

    const straight = join(tmp.root, 'straight');
    expect(await train([...common, '--epochs', '2', '--max-steps', '3', '--out', straight])).toBe(0);
    expect((await weightsOf(run)).equals(await weightsOf(straight))).toBe(true);

    const out = capture();
    expect(await evalCli(['--checkpoint', run, '--split', 'test', '--json', '--backend', 'wasm'], out)).toBe(0);
    const report = JSON.parse(out.lines.join('\n'));
    expect(report).toMatchObject({ split: 'test', step: 3, images: 2, model: 'basic-segnet' });
    expect(report.globalAccuracy).toBeGreaterThanOrEqual(0);
    expect(report.classes).toHaveLength(11);
    expect(report.confusion.flat().reduce((a: number, b: number) => a + b, 0)).toBe(report.labelledPixels);
  });

  it('--results adds the run to a results file the site accepts, replaces it on a second eval, and leaves a damaged file alone', async () => {
    const run = join(tmp.root, 'run'); // written by the first test
    const file = join(tmp.root, 'results.json');
    const argv = ['--checkpoint', run, '--split', 'test', '--backend', 'wasm', '--results', file, '--time-runs', '2'];
    expect(await evalCli(argv, capture())).toBe(0);
    expect(await evalCli([...argv, '--name', 'Second'], capture())).toBe(0);
    const io = capture();
    expect(await evalCli(argv, io)).toBe(0); // same name, data and split: replaced, not appended
    expect(io.lines.at(-1)).toMatch(/^eval: wrote SegNet-Basic \(synthetic-16x16 test, [\d.]+ ms per image\) to /);
    const results = parseResults(JSON.parse(await readFile(file, 'utf8')));
    expect(results.runs.map((r) => r.name)).toEqual(['SegNet-Basic', 'Second']);
    const [first] = results.runs;
    expect(first).toMatchObject({ encoder: 'basic', decoder: 'segnet', split: 'test', height: 16, width: 16, step: 3, parameters: countParameters(first!).total });
    expect(first!.classes).toHaveLength(11);
    expect(first!.inferenceMs!.backend).toBe('wasm');
    expect(first!.inferenceMs!.value).toBeGreaterThan(0);
    expect(first!.commands![0]).toMatch(/^npm run train -- --encoder basic --decoder segnet --data \S+ --epochs 2 --max-steps 3 --batch 2 --augment --out \S+run$/);
    expect(first!.commands![1]).toBe(`npm run eval -- ${argv.join(' ')}`);

    await writeFile(file, '{"format": "unpooled-results", "version": 1, "runs": [');
    await expect(evalCli(argv, capture())).rejects.toThrow(`--results: ${file} is not valid JSON`);
    expect(await readFile(file, 'utf8')).toBe('{"format": "unpooled-results", "version": 1, "runs": [');
  });

  it('--init copies the matching weights into another decoder, and --freeze-encoder keeps them', async () => {
    const source = join(tmp.root, 'run'); // written by the first test
    const io = capture();
    const run = join(tmp.root, 'fcn');
    expect(await train(['--data', tmp.data, '--batch', '2', '--epochs', '1', '--decoder', 'fcn', '--init', source, '--freeze-encoder', '--out', run], io)).toBe(0);
    // The 24 encoder tensors (4 stages x filter, bias, gamma, beta, moving mean and variance), none of fcn's.
    expect(io.lines.find((l) => l.includes('initialised'))).toMatch(/initialised 24 of 40 tensors from .*run/);
    const encoderOf = async (dir: string) => {
      const { tensors } = await readCheckpoint(checkpointFolder(dir));
      const names = Object.keys(tensors).filter((n) => n.startsWith('encoder/')).sort();
      return names.map((n) => Array.from(tensors[n]!.dataSync()));
    };
    expect(await encoderOf(join(run, 'model'))).toEqual(await encoderOf(join(source, 'model')));
  });

  it('--init-encoder-only copies the encoder alone, so the same decoder starts fresh', async () => {
    const source = join(tmp.root, 'run'); // written by the first test
    const io = capture();
    const run = join(tmp.root, 'segnet-fresh-decoder');
    const argv = ['--data', tmp.data, '--batch', '2', '--epochs', '1', '--max-steps', '1', '--init', source, '--init-encoder-only', '--freeze-encoder', '--out', run];
    expect(await train(argv, io)).toBe(0);
    expect(io.lines.find((l) => l.includes('initialised'))).toMatch(/initialised 24 of 50 tensors from .*run \(encoder only\)/);
    await expect(train(['--data', tmp.data, '--init-encoder-only', '--out', join(tmp.root, 'z')])).rejects.toThrow('--init-encoder-only needs --init <checkpoint>');
  });

  it('stops after the step in flight on Ctrl-C and writes a checkpoint', async () => {
    const run = join(tmp.root, 'interrupted');
    const controller = new TrainingController();
    const io = capture((text) => text.includes('step 1/') && controller.abort());
    expect(await train(['--data', tmp.data, '--batch', '2', '--epochs', '3', '--out', run], io, controller)).toBe(130);
    expect(io.lines.at(-1)).toMatch(/interrupted at step 1; checkpoint written to .*continue with --resume/);
    expect((await readCheckpoint(checkpointFolder(join(run, 'checkpoint')))).meta.progress.step).toBe(1);
  });

  it('stops a diverging run with a message and exit status 1', async () => {
    const io = capture();
    expect(await train(['--data', tmp.data, '--batch', '2', '--epochs', '3', '--lr', '1e30', '--out', join(tmp.root, 'diverged')], io)).toBe(1);
    expect(io.lines.at(-1)).toMatch(/stopped at step \d: the loss is (NaN|Infinity); .*Lower --lr or check the data/);
  });

  it('names a dataset that does not exist and a batch larger than the data', async () => {
    await expect(train(['--data', join(tmp.root, 'nope'), '--out', join(tmp.root, 'x')])).rejects.toThrow(/--data: none of .*nope, public\/data\/.*nope, public\/data\/nope is a dataset folder/);
    await expect(train(['--data', tmp.data, '--batch', '8', '--out', join(tmp.root, 'y')])).rejects.toThrow(/--batch 8 is larger than the 4 training images/);
  });
});
