/**
 * The data:camvid CLI as a user runs it: exit codes, messages on stderr, and what an
 * interrupted (SIGINT) import leaves behind. Each test starts a Node process (about a second).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeFakeCamvid } from './helpers/fake-camvid';
import { startStaticServer } from './helpers/static-server';
import { leftoverTemps, makeTempDir, removeDir } from './helpers/temp-dir';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Starts scripts/data-camvid.ts; `whileRunning` may act on the process before it ends. */
function runCli(args: string[], whileRunning?: (child: ReturnType<typeof spawn>) => Promise<void>): Promise<Run> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/data-camvid.ts', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<Run>((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
  void whileRunning?.(child);
  return done;
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('waitFor: timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('npm run data:camvid (scripts/data-camvid.ts)', () => {
  let root: string;
  let src: string;
  let out: string;
  const common = () => ['--out', out, '--size', '6x8', '--source-size', '12x16'];

  beforeEach(async () => {
    root = await makeTempDir();
    src = join(root, 'camvid');
    out = join(root, 'out');
    await makeFakeCamvid(src);
  });
  afterEach(() => removeDir(root));

  it('imports, prints the folder on stdout and progress on stderr; bad input exits 1 naming the file', async () => {
    const ok = await runCli(['--from', src, ...common()]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/wrote .*camvid-6x8 \(train 3, val 2, test 2\)/);
    expect(ok.stderr).toMatch(/7\/7 100% .*\/s ETA/);
    await rm(join(src, 'test.txt'));
    const bad = await runCli(['--from', src, ...common()]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/data:camvid: missing list file: .*camvid\/test\.txt/);
  }, 30_000);

  it('SIGINT during an import exits 130, keeps the previous dataset and leaves no temporary folder', async () => {
    const first = await runCli(['--from', src, ...common()]);
    expect(first.code).toBe(0);
    const dataset = join(out, 'camvid-6x8');
    const before = await readFile(join(dataset, 'manifest.json'), 'utf8');
    // A server that sends the list files but never answers for a PNG: the import hangs mid-way.
    const server = await startStaticServer(src, { stall: (path) => path.endsWith('.png') });
    try {
      const run = await runCli(['--from', server.url, ...common()], async (child) => {
        await waitFor(async () => (await leftoverTemps(out)).length > 0 && server.requests.some((p) => p.endsWith('.png')), 20_000);
        child.kill('SIGINT');
      });
      expect(run.code).toBe(130);
      expect(run.stderr).toMatch(/interrupted \(SIGINT\)/);
    } finally {
      await server.close();
    }
    expect(await readFile(join(dataset, 'manifest.json'), 'utf8')).toBe(before);
    expect(await readdir(out)).toEqual(['camvid-6x8']);
    expect(existsSync(join(dataset, 'train-000.bin'))).toBe(true);
  }, 30_000);
});
