/**
 * factory/train.py, the PyTorch trainer of the shipped weights: a resumed run continues an
 * uninterrupted one (same batches, augmentation, optimizer state and progress, across an epoch
 * boundary with its validation; oneDNN's float rounding differs between processes, so weights
 * agree to rounding rather than bit for bit); SIGINT to its process group writes the checkpoint at the current step and says so;
 * a trained run exports to a checkpoint that `npm run eval` scores. Skipped, saying why, without
 * a python3 that has torch.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evalCli } from '../../../scripts/lib/eval-cli';
import { checkpointFolder } from '../../../scripts/lib/checkpoint-files';
import { writeSyntheticDataset } from '../../../src/data/node';
import { readCheckpoint } from '../../../src/segnet';
import { parseResults } from '../../../src/data/results-file';
import { findTorchPython } from '../bench/torch-python';
import { makeTempDir, removeDir } from '../data/helpers/temp-dir';

const { python, reason } = findTorchPython();
if (!python) console.warn(`tests/unit/factory/trainer: skipped, ${reason}`);

let root = '';
let data = '';
beforeAll(async () => {
  root = await makeTempDir('unpooled-factory-train-');
  // 8 training frames at batch 2: 4 steps an epoch, so 6 steps cross an epoch end.
  data = (await writeSyntheticDataset({ height: 32, width: 48, seed: 3, counts: { train: 8, val: 4, test: 4 }, outDir: root })).dir;
});
afterAll(() => removeDir(root));

const small = ['--basic-channels', '8', '--batch', '2', '--threads', '1', '--epochs', '3', '--checkpoint-every', '100'];

function train(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(python!, ['factory/train.py', ...args], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface Comparison {
  compared: number;
  differ: string[];
  relativeModelDifference: number;
  sameProgress: boolean;
  step: number;
}

function compare(a: string, b: string): Comparison {
  const r = spawnSync(python!, ['factory/compare_runs.py', a, b], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Comparison;
}

interface LogEvent {
  event: string;
  step?: number;
  loss?: number;
}

async function logEvents(out: string): Promise<LogEvent[]> {
  return (await readFile(join(out, 'log.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as LogEvent);
}

describe.skipIf(!python)('factory/train.py', () => {
  it('a run stopped at step 3 and resumed to step 6 continues the run that went to step 6 at once', async () => {
    const whole = join(root, 'whole');
    const parts = join(root, 'parts');
    expect(train(['--data', data, '--out', whole, ...small, '--max-steps', '6']).status).toBe(0);
    expect(train(['--data', data, '--out', parts, ...small, '--max-steps', '3']).status).toBe(0);
    // two fresh processes up to the same step are bit-identical: the run is seeded throughout
    const again = join(root, 'again');
    expect(train(['--data', data, '--out', again, ...small, '--max-steps', '3']).status).toBe(0);
    expect(compare(join(parts, 'last.pt'), join(again, 'last.pt')).differ).toEqual([]);
    const resumed = train(['--out', parts, '--resume', '--max-steps', '3']);
    expect(resumed.status, resumed.stderr).toBe(0);
    expect(resumed.stdout).toContain('epoch 1 batch 3');
    const same = compare(join(whole, 'last.pt'), join(parts, 'last.pt'));
    expect(same.step).toBe(6);
    expect(same.compared).toBeGreaterThan(50); // weights, BN statistics, Adam moments, progress
    expect(same.sameProgress).toBe(true);
    expect(same.relativeModelDifference).toBeLessThan(1e-3); // Adam magnifies rounding where gradients are near 0
    // the same batches gave the same losses, step for step
    const losses = async (out: string) => (await logEvents(out)).filter((e) => e.event === 'step').map((e) => e.loss!);
    const a = await losses(whole);
    const b = await losses(parts);
    expect(b).toHaveLength(6);
    a.forEach((l, i) => expect(Math.abs(l - b[i]!)).toBeLessThan(1e-4 * l));
    // the epoch end between steps 4 and 5 validated in both
    expect((await logEvents(whole)).filter((e) => e.event === 'val')).toHaveLength(1);
    expect((await logEvents(parts)).filter((e) => e.event === 'val')).toHaveLength(1);
    // another seed is another run, far outside that tolerance
    const other = join(root, 'other');
    expect(train(['--data', data, '--out', other, ...small, '--max-steps', '6', '--seed', '2']).status).toBe(0);
    expect(compare(join(whole, 'last.pt'), join(other, 'last.pt')).relativeModelDifference).toBeGreaterThan(0.1);
  }, 240_000);

  it('SIGINT to the process group writes the checkpoint at the current step and exits 130', async () => {
    const out = join(root, 'interrupted');
    const child = spawn(python!, ['factory/train.py', '--data', data, '--out', out, ...small, '--epochs', '1000'], { detached: true, stdio: 'pipe' });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // wait for a few steps, then interrupt the whole group as a terminal's Ctrl-C does
    for (let i = 0; i < 600; i++) {
      await new Promise((r) => setTimeout(r, 100));
      const steps = await logEvents(out).then((e) => e.filter((x) => x.event === 'step').length, () => 0);
      if (steps >= 2) break;
    }
    process.kill(-child.pid!, 'SIGINT');
    expect(await exited).toBe(130);
    const events = await logEvents(out);
    const lastStep = events.filter((e) => e.event === 'step').at(-1)!.step!;
    expect(events.at(-1)).toMatchObject({ event: 'interrupted', step: lastStep });
    expect(stdout).toContain(`interrupted at step ${lastStep}`);
    expect(compare(join(out, 'last.pt'), join(out, 'last.pt')).step).toBe(lastStep);
  }, 120_000);

  it('exports a run that the engine loads and npm run eval scores on the run\'s own data', async () => {
    const out = join(root, 'export-run');
    expect(train(['--data', data, '--out', out, ...small, '--epochs', '1']).status).toBe(0);
    const model = join(root, 'exported');
    const r = spawnSync(python!, ['factory/export.py', '--run', out, '--out', model], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const { meta, tensors } = await readCheckpoint(checkpointFolder(model));
    Object.values(tensors).forEach((t) => t.dispose());
    expect(meta.config).toMatchObject({ encoder: 'basic', decoder: 'segnet', basicChannels: 8, height: 32, width: 48 });
    expect(meta.progress).toMatchObject({ step: 4, epoch: 1 });
    const spec = JSON.parse(await readFile(join(model, 'model.json'), 'utf8')) as { weightsManifest: { weights: { quantization?: { dtype: string } }[] }[] };
    expect(spec.weightsManifest[0]!.weights.every((w) => w.quantization?.dtype === 'float16')).toBe(true);
    const lines: string[] = [];
    expect((meta.extra as { data: string }).data).toBe('synthetic-32x48');
    const status = await evalCli(['--checkpoint', model, '--split', 'test', '--json', '--backend', 'cpu', '--data', data], { out: (l) => lines.push(l), progress: process.stderr });
    expect(status).toBe(0);
    // In the site's results file, the run lists the factory's own train and export commands and its seed.
    const resultsFile = join(root, 'results.json');
    expect(await evalCli(['--checkpoint', model, '--split', 'test', '--backend', 'cpu', '--data', data, '--results', resultsFile, '--time-runs', '1'], { out: () => {}, progress: process.stderr })).toBe(0);
    const [row] = parseResults(JSON.parse(await readFile(resultsFile, 'utf8'))).runs;
    expect(row!.seed).toBe(1);
    expect(row!.commands!.map((c) => c.split(' ').slice(0, 3).join(' '))).toEqual(['python3 factory/train.py --data', 'python3 factory/export.py --run', 'npm run eval']);
    const report = JSON.parse(lines.join('\n')) as { data: string; images: number; globalAccuracy: number };
    expect(report.data).toBe('synthetic-32x48');
    expect(report.images).toBe(4);
    expect(report.globalAccuracy).toBeGreaterThan(0);
    // the model card takes its scores from that report, and its training facts from the run
    const evalFile = join(root, 'test-eval.json');
    await writeFile(evalFile, lines.join('\n'));
    const card = spawnSync(python!, ['factory/card.py', '--run', out, '--model', model, '--eval', evalFile], { encoding: 'utf8' });
    expect(card.status, card.stderr).toBe(0);
    const text = await readFile(join(model, 'MODEL_CARD.md'), 'utf8');
    expect(text).toContain(`| test (4 images) | ${(report.globalAccuracy * 100).toFixed(1)} |`);
    expect(text).toContain('1 epoch, 4 steps of batch 2');
    expect(text).toContain('--split test');
    expect(text).toContain('`npm run data:synthetic`');
    expect(text).not.toContain('encoderFrom');
    // A decoder trained on that frozen encoder and exported without it: its card says where the
    // encoder is read from, and its export command names that folder.
    const decoderRun = join(root, 'fcn-run');
    const init = ['--init', join(out, 'best.pt'), '--init-encoder-only', '--freeze-encoder'];
    expect(train(['--data', data, '--out', decoderRun, ...small, '--epochs', '1', '--decoder', 'fcn', ...init]).status).toBe(0);
    const decoderModel = join(root, 'fcn-exported');
    const ex = spawnSync(python!, ['factory/export.py', '--run', decoderRun, '--out', decoderModel, '--encoder-from', model], { encoding: 'utf8' });
    expect(ex.status, ex.stderr).toBe(0);
    const decoderCard = spawnSync(python!, ['factory/card.py', '--run', decoderRun, '--model', decoderModel, '--eval', evalFile], { encoding: 'utf8' });
    expect(decoderCard.status, decoderCard.stderr).toBe(0);
    const decoderText = await readFile(join(decoderModel, 'MODEL_CARD.md'), 'utf8');
    expect(decoderText).toContain('the encoder\'s are read from `../exported/model.json` (`encoderFrom`)');
    expect(decoderText).toContain(`--out public/models/fcn-exported --encoder-from public/models/exported`);
    expect(decoderText).toContain('Encoder frozen (eval mode), taken from `export-run`');
  }, 240_000);
});

describe.skipIf(!python)('factory/train.py --resume --epochs', () => {
  it('changes a plateau run\'s length, logged, and refuses to change a started poly run or to end a run before its next epoch', async () => {
    const out = join(root, 'length');
    expect(train(['--data', data, '--out', out, ...small, '--epochs', '5', '--max-steps', '5']).status).toBe(0);
    const shorter = train(['--out', out, '--resume', '--epochs', '2', '--max-steps', '1']);
    expect(shorter.status, shorter.stderr).toBe(0);
    expect(shorter.stdout).toContain('length is now 2 epochs (was 5)');
    expect((await logEvents(out)).find((e) => e.event === 'epochs')).toMatchObject({ from: 5, to: 2 });
    // one epoch is trained: --epochs 1 would end the run before the epoch it is in
    const tooShort = train(['--out', out, '--resume', '--epochs', '1', '--max-steps', '1']);
    expect(tooShort.status).not.toBe(0);
    expect(tooShort.stderr).toContain('has already trained 1 epochs');
    const poly = join(root, 'length-poly');
    expect(train(['--data', data, '--out', poly, ...small, '--schedule', 'poly', '--max-steps', '1']).status).toBe(0);
    const polyChange = train(['--out', poly, '--resume', '--epochs', '6', '--max-steps', '1']);
    expect(polyChange.status).not.toBe(0);
    expect(polyChange.stderr).toContain('poly schedule over 3 epochs');
  }, 180_000);
});

describe.skipIf(!python)('factory/queue.py', () => {
  it('runs a plan in order, a decoder on the frozen encoder of the run before it, and reports both finished', async () => {
    const runs = join(root, 'queue-runs');
    const plan = join(root, 'plan.json');
    const base = ['--data', data, '--basic-channels', '8', '--batch', '2', '--epochs', '1'];
    const made = join(root, 'queue-data', 'made.txt');
    await writeFile(plan, JSON.stringify({
      prepare: [{ creates: '{data}/made.txt', command: [python!, '-c', 'import sys; open(sys.argv[1], "w").write("x")', '{data}/made.txt'] }],
      runs: [
        { name: 'encoder', args: [...base, '--decoder', 'segnet'] },
        { name: 'fcn', after: 'encoder', args: [...base, '--decoder', 'fcn', '--init', '{runs}/encoder/best.pt', '--init-encoder-only', '--freeze-encoder'] },
      ],
    }));
    await mkdir(join(root, 'queue-data'), { recursive: true });
    const queue = (): ReturnType<typeof spawnSync> =>
      spawnSync(python!, ['factory/queue.py', '--plan', plan, '--runs', runs, '--data', join(root, 'queue-data'), '--threads', '1'], { encoding: 'utf8' });
    const r = queue();
    expect(r.status, String(r.stderr)).toBe(0);
    expect(r.stdout).toContain(`queue: preparing ${made}`);
    expect(await readFile(made, 'utf8')).toBe('x');
    expect(r.stdout).toContain('every run of the plan is finished');
    // Prepared once: a second start finds the file and prepares nothing.
    expect(queue().stdout).not.toContain('preparing');
    const status = spawnSync(python!, ['factory/queue.py', '--plan', plan, '--runs', runs, '--status'], { encoding: 'utf8' });
    expect(status.stdout).toMatch(/^encoder: done epoch 1 /m);
    expect(status.stdout).toMatch(/^fcn: done epoch 1 /m);
    // the frozen encoder is the first run's, unchanged by training the FCN decoder
    const cmp = compare(join(runs, 'encoder', 'best.pt'), join(runs, 'fcn', 'last.pt'));
    expect(cmp.differ.some((k) => k.startsWith('model/encoder.'))).toBe(false);
    expect(cmp.differ.some((k) => k.startsWith('model/decoder.'))).toBe(true);
    expect((await logEvents(join(runs, 'fcn'))).find((e) => e.event === 'init')).toMatchObject({ copied: 24 });
  }, 180_000);
});

describe.skipIf(!python)('factory/train.py with a second process', () => {
  it('refuses to train a run folder that another process is training', async () => {
    const out = join(root, 'locked');
    const first = spawn(python!, ['factory/train.py', '--data', data, '--out', out, ...small, '--epochs', '1000', '--checkpoint-every', '1'], { stdio: 'pipe' });
    const exited = new Promise<number | null>((resolve) => first.on('exit', (code) => resolve(code)));
    for (let i = 0; i < 600; i++) {
      await new Promise((r) => setTimeout(r, 100));
      if (await readFile(join(out, 'last.pt')).then(() => true, () => false)) break;
    }
    const second = train(['--out', out, '--resume', '--max-steps', '1']);
    expect(second.status).not.toBe(0);
    expect(second.stderr).toContain(`another process is training the run in ${out}`);
    first.kill('SIGINT');
    expect(await exited).toBe(130);
    // once the first has stopped, the run resumes
    expect(train(['--out', out, '--resume', '--max-steps', '1']).status).toBe(0);
  }, 120_000);
});
