/**
 * Renders the sample street pictures the own-image widget offers (public/samples/): synthetic
 * scenes drawn by the site's own generator at a photo's size with supersampling, as JPEG, with
 * small thumbnails and a manifest. They derive from no dataset, so they are committed.
 *
 *   npm run render:samples -- [--seeds 1,3,5,8] [--size 360x480] [--out public/samples]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { parseImageSize } from '../src/data/image-size';
import { streetSample } from '../src/data/synthetic/street-sample';
import { SAMPLE_MANIFEST, type SampleManifest } from '../src/data/sample-manifest';
import { parseArgs } from './lib/args';
import { interruptSignal, reportFailure } from './lib/cli';

const TOOL = 'render:samples';

const THUMB_WIDTH = 96;

async function main(): Promise<void> {
  const args = parseArgs(
    process.argv.slice(2),
    {
      seeds: { type: 'string', default: '1,3,5,8', help: 'comma-separated seeds of the scenes' },
      size: { type: 'string', default: '360x480', help: 'picture size HxW' },
      out: { type: 'string', default: 'public/samples', help: 'output folder' },
    },
    'npm run render:samples -- [options]',
  );
  const { height, width } = parseImageSize(args.size);
  const seeds = args.seeds.split(',').map((s) => {
    const n = Number(s);
    if (!Number.isInteger(n) || n < 0) throw new Error(`--seeds: '${s}' is not a non-negative integer`);
    return n;
  });
  mkdirSync(args.out, { recursive: true });
  const manifest: SampleManifest = { width, height, samples: [] };
  for (const seed of seeds) {
    const { image } = streetSample(seed, { height, width });
    const raw = { raw: { width, height, channels: 3 as const } };
    const file = `street-${seed}.jpg`;
    const thumb = `street-${seed}-thumb.jpg`;
    writeFileSync(join(args.out, file), await sharp(image, raw).jpeg({ quality: 88, mozjpeg: true }).toBuffer());
    writeFileSync(join(args.out, thumb), await sharp(image, raw).resize({ width: THUMB_WIDTH, kernel: 'mitchell' }).jpeg({ quality: 82, mozjpeg: true }).toBuffer());
    manifest.samples.push({ seed, file, thumb });
    console.log(`${file}: seed ${seed}, ${height}x${width}`);
  }
  writeFileSync(join(args.out, SAMPLE_MANIFEST), `${JSON.stringify(manifest, null, 1)}\n`);
}

const signal = interruptSignal();
main().catch((err: unknown) => reportFailure(TOOL, err, signal));
