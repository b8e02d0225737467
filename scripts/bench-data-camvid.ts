/**
 * Times the CamVid importer end to end, as a user runs it (a fresh process per run, writing
 * into a temporary folder), and reports each run and the median in seconds.
 *
 *   npm run bench:data -- [--from ../shared/camvid] [--size 180x240] [--runs 5]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from './lib/args';

const values = parseArgs(
  process.argv.slice(2),
  {
    from: { type: 'string', default: '../shared/camvid', help: 'the CamVid folder to import' },
    size: { type: 'string', default: '180x240', help: 'output size HxW' },
    runs: { type: 'number', default: 5, help: 'timed imports (the median is reported)' },
  },
  'npm run bench:data -- [--from ../shared/camvid] [--size 180x240] [--runs 5]\n\nTimes the CamVid importer end to end, a fresh process per run.',
);
const runs = values.runs;
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs: expected a positive integer, got ${runs}`);

const out = mkdtempSync(join(tmpdir(), 'bench-camvid-'));
const seconds: number[] = [];
try {
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    const child = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/data-camvid.ts', '--from', values.from, '--size', values.size, '--out', out], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const elapsed = (performance.now() - start) / 1000;
    if (child.status !== 0) throw new Error(`run ${r + 1} failed (exit ${child.status}): ${child.stderr.toString().trim().split('\n').pop()}`);
    seconds.push(elapsed);
    process.stdout.write(`run ${r + 1}/${runs}: ${elapsed.toFixed(2)} s\n`);
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}
const sorted = [...seconds].sort((a, b) => a - b);
const median = sorted.length % 2 ? sorted[(sorted.length - 1) / 2]! : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2;
process.stdout.write(
  `data:camvid --from ${values.from} --size ${values.size}: median ${median.toFixed(2)} s over ${runs} runs ` +
    `(min ${sorted[0]!.toFixed(2)}, max ${sorted.at(-1)!.toFixed(2)}; ${availableParallelism()} CPUs, load ${loadavg()[0]!.toFixed(2)})\n`,
);
