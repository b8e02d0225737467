import { existsSync } from 'node:fs';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import config from '../../../astro.config.mjs';
import { makeTempDir, removeDir } from './helpers/temp-dir';

type BuildDone = (options: { dir: URL; logger: { info: (m: string) => void } }) => Promise<void>;

/** The astro:build:done hook of the integration that keeps CamVid out of dist/. */
function buildDoneHook(): BuildDone {
  const integration = config.integrations?.flat().find((i) => i && 'name' in i && i.name === 'unpooled:drop-camvid');
  const hook = integration && 'hooks' in integration ? integration.hooks['astro:build:done'] : undefined;
  if (!hook) throw new Error('astro.config.mjs has no unpooled:drop-camvid astro:build:done hook');
  return hook as unknown as BuildDone;
}

describe('astro build hook unpooled:drop-camvid', () => {
  let dist: string;
  beforeEach(async () => {
    dist = await makeTempDir('unpooled-dist-');
  });
  afterEach(() => removeDir(dist));

  it('removes camvid-HxW and the .tmp-/.old- folders of a running or killed import, and keeps synthetic data', async () => {
    const names = ['camvid-180x240', '.camvid-180x240.tmp-4242-abcdef', '.camvid-96x128.old-4242-abcdef', 'synthetic-96x128', 'README.txt'];
    for (const name of names.slice(0, -1)) await mkdir(join(dist, 'data', name, 'inner'), { recursive: true });
    await writeFile(join(dist, 'data', 'README.txt'), 'x');
    const logged: string[] = [];
    await buildDoneHook()({ dir: pathToFileURL(`${dist}/`), logger: { info: (m) => logged.push(m) } });
    expect((await readdir(join(dist, 'data'))).sort()).toEqual(['README.txt', 'synthetic-96x128']);
    expect(logged.filter((m) => m.includes('.camvid-180x240.tmp-4242-abcdef'))).toHaveLength(1);
  });

  it('does nothing when dist has no data folder', async () => {
    await buildDoneHook()({ dir: pathToFileURL(`${dist}/`), logger: { info: () => {} } });
    expect(existsSync(join(dist, 'data'))).toBe(false);
  });
});
