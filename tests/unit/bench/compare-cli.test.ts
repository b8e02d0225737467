import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCompare } from '../../../bench/compare';

const tfjs = { date: 'x', batch: 8, rows: [{ backend: 'wasm', model: 'SegNet-Basic', size: '96x128', inferMsPerImage: 900, trainMsPerStep: 12000, trainImagesPerSecond: 0.67, note: '' }] };
const torch = { framework: 'pytorch', threads: 1, rows: [{ framework: 'pytorch', device: 'cpu', model: 'SegNet-Basic', size: '96x128', batch: 8, inferMsPerImage: 300, trainMsPerStep: 3000, trainImagesPerSecond: 2.67 }] };

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'unpooled-compare-'));
  await writeFile(join(dir, 'tfjs.json'), '> unpooled@0.1.0 bench\n' + JSON.stringify(tfjs));
  await writeFile(join(dir, 'torch.json'), JSON.stringify(torch));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('runCompare', () => {
  it('reads both files and prints the ratios', async () => {
    const out = await runCompare(['--tfjs', join(dir, 'tfjs.json'), '--pytorch', join(dir, 'torch.json'), '--markdown']);
    expect(out.split('\n')[2]).toBe('| SegNet-Basic | 96x128 | wasm | cpu, 1 thread | 8 | 1/1 | 12000 | 3000 | 4.00x | 900 | 300 | 3.00x |');
    const json = JSON.parse(await runCompare(['--tfjs', join(dir, 'tfjs.json'), '--pytorch', join(dir, 'torch.json'), '--json']));
    expect(json.comparisons[0].trainRatio).toBe(4);
  });

  it('names a missing file, or a folder given as a file', async () => {
    const missing = join(dir, 'nope.json');
    await expect(runCompare(['--tfjs', missing, '--pytorch', join(dir, 'torch.json')])).rejects.toThrow(`${missing}: cannot read it (no such file)`);
    await expect(runCompare(['--tfjs', join(dir, 'tfjs.json'), '--pytorch', dir])).rejects.toThrow(`${dir}: cannot read it (it is a folder, not a file)`);
  });

  it('names a file given to the wrong option', async () => {
    await expect(runCompare(['--tfjs', join(dir, 'torch.json'), '--pytorch', join(dir, 'tfjs.json')])).rejects.toThrow(/torch\.json: this is a PyTorch report/);
  });

  it('asks for both inputs and one output format', async () => {
    await expect(runCompare(['--tfjs', join(dir, 'tfjs.json')])).rejects.toThrow('both --tfjs and --pytorch are needed');
    await expect(runCompare(['--tfjs', 'a', '--pytorch', 'b', '--json', '--markdown'])).rejects.toThrow('choose one of --json and --markdown');
  });

  it('fails when no model and size are in both reports, listing what was there', async () => {
    const other = { ...torch, rows: [{ ...torch.rows[0]!, size: '360x480' }] };
    const read = async (f: string) => JSON.stringify(f === 'torch.json' ? other : tfjs);
    await expect(runCompare(['--tfjs', 'tfjs.json', '--pytorch', 'torch.json'], read)).rejects.toThrow(/no model and size is in both reports:\n {2}tfjs\.json: SegNet-Basic 96x128 \(wasm\) has no PyTorch row\n {2}torch\.json: SegNet-Basic 360x480 \(cpu, 1 thread\) has no TF\.js row/);
  });
});
