/**
 * Generates the synthetic road-scene datasets into public/data/synthetic-HxW/.
 *
 *   npm run data:synthetic -- [--size 96x128,180x240] [--count 64,16,16] [--seed 1] [--out public/data] [--if-missing]
 *
 * --count gives train,val,test. --if-missing (used by `npm run data:ensure`, before dev and
 * build) skips a size whose folder already holds exactly these scenes.
 */
import { parseImageSize } from '../src/data/image-size';
import { DEFAULT_SYNTHETIC_COUNTS, DEFAULT_SYNTHETIC_SEED, syntheticDatasetName } from '../src/data/synthetic/synthetic-dataset';
import { syntheticDatasetIsCurrent, writeSyntheticDataset } from '../src/data/synthetic/write-synthetic';
import { SPLIT_NAMES } from '../src/data/types';
import { parseArgs } from './lib/args';
import { interruptSignal, packageVersion, reportFailure } from './lib/cli';
import { createProgressBar } from './lib/progress-bar';

const TOOL = 'data:synthetic';
const USAGE = `usage: npm run data:synthetic -- [--size 96x128,180x240] [--count 64,16,16] [--seed 1] [--out public/data] [--if-missing]

Generates seeded synthetic road scenes with CamVid's 11 classes, as shards and a manifest.`;

const ARGS = {
  size: { type: 'string', default: '96x128,180x240', help: 'sizes HxW, comma-separated' },
  count: { type: 'string', default: Object.values(DEFAULT_SYNTHETIC_COUNTS).join(','), help: 'images per split: train,val,test' },
  seed: { type: 'string', default: String(DEFAULT_SYNTHETIC_SEED), help: 'scene seed, 0..4294967295' },
  out: { type: 'string', default: 'public/data', help: 'folder that receives synthetic-HxW/' },
  'if-missing': { type: 'boolean', default: false, help: 'skip a size whose folder already holds exactly these scenes' },
} as const;

function parseCounts(text: string): Record<string, number> {
  const parts = text.split(',').map((s) => s.trim());
  if (parts.length !== SPLIT_NAMES.length || parts.some((p) => !/^\d+$/.test(p) || Number(p) < 1)) {
    throw new Error(`--count: expected three positive integers train,val,test such as 64,16,16, got "${text}"`);
  }
  return Object.fromEntries(SPLIT_NAMES.map((name, k) => [name, Number(parts[k])]));
}

function parseSeed(text: string): number {
  if (!/^\d+$/.test(text) || Number(text) > 0xffffffff) throw new Error(`--seed: expected an integer in 0..4294967295, got "${text}"`);
  return Number(text);
}

async function main(signal: AbortSignal): Promise<void> {
  const values = parseArgs(process.argv.slice(2), ARGS, USAGE);
  const sizes = values.size.split(',').map((s) => parseImageSize(s, '--size'));
  const counts = parseCounts(values.count);
  const seed = parseSeed(values.seed);
  for (const size of sizes) {
    const options = { ...size, seed, counts, outDir: values.out, signal };
    const name = syntheticDatasetName(size);
    if (values['if-missing'] && (await syntheticDatasetIsCurrent(options))) {
      process.stdout.write(`${TOOL}: ${values.out}/${name} is up to date\n`);
      continue;
    }
    const bar = createProgressBar(`${TOOL} ${name}`, Object.values(counts).reduce((a, b) => a + b, 0));
    const result = await writeSyntheticDataset({
      ...options,
      createdWith: { tool: `unpooled ${TOOL}`, version: packageVersion() },
      onProgress: (done) => bar.update(done),
    });
    bar.finish();
    process.stdout.write(`${TOOL}: wrote ${result.dir}\n`);
  }
}

const signal = interruptSignal();
main(signal).catch((err: unknown) => reportFailure(TOOL, err, signal));
