/** How the CLIs find a dataset from --data or from what a checkpoint recorded. */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveDataDir } from '../../../scripts/lib/datasets';
import { makeTempDir, removeDir } from '../data/helpers/temp-dir';

let root = '';
beforeAll(async () => {
  root = await makeTempDir('unpooled-datasets-');
  await mkdir(join(root, 'camvid-96x128'));
  await writeFile(join(root, 'camvid-96x128', 'manifest.json'), '{}');
});
afterAll(() => removeDir(root));

describe('resolveDataDir', () => {
  it('takes a path that holds a manifest as it is', () => {
    expect(resolveDataDir(join(root, 'camvid-96x128'), '/nowhere')).toBe(join(root, 'camvid-96x128'));
  });

  it('finds a name under the data root', () => {
    expect(resolveDataDir('camvid-96x128', root)).toBe(join(root, 'camvid-96x128'));
  });

  it("finds a path recorded on another machine by its folder's name under the data root", () => {
    expect(resolveDataDir('runs/data/camvid-96x128', root)).toBe(join(root, 'camvid-96x128'));
  });

  it('names every place it looked when none holds the dataset', () => {
    expect(() => resolveDataDir('runs/data/camvid-180x240', root)).toThrow(
      `none of runs/data/camvid-180x240, ${join(root, 'runs/data/camvid-180x240')}, ${join(root, 'camvid-180x240')} is a dataset folder`,
    );
  });
});
