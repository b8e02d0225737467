import { spawnSync } from 'node:child_process';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { replaceDirAtomically } from '../../../src/data/atomic-dir';
import { makeTempDir, removeDir } from './helpers/temp-dir';

/** The pid of a process that has already exited. */
function deadPid(): string {
  return spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
}

/** A folder holding one file, `data.txt`, with `text`. */
async function folderWith(dir: string, text: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'data.txt'), text);
}

describe('replaceDirAtomically after a run killed mid-swap', () => {
  let parent: string;
  let target: string;
  beforeEach(async () => {
    parent = await makeTempDir();
    target = join(parent, 'set');
  });
  afterEach(() => removeDir(parent));

  /** The state a SIGKILL leaves between rename(target, old) and rename(tmp, target). */
  async function crashMidSwap(): Promise<void> {
    const pid = deadPid();
    await folderWith(join(parent, `.set.old-${pid}-abcdef`), 'previous');
    await folderWith(join(parent, `.set.tmp-${pid}-abcdef`), 'half-trusted new');
  }

  it('replaceDirAtomically(target, failingBuild) renames the stale .old- folder back to the missing target', async () => {
    await crashMidSwap();
    await expect(replaceDirAtomically(target, () => Promise.reject(new Error('build failed on purpose')))).rejects.toThrow(
      /build failed on purpose/,
    );
    expect(await readFile(join(target, 'data.txt'), 'utf8')).toBe('previous');
    expect(await readdir(parent)).toEqual(['set']);
  });

  it('replaceDirAtomically(target, build) recovers the previous folder, then replaces it and leaves no temporary folder', async () => {
    await crashMidSwap();
    let seenBefore = '';
    await replaceDirAtomically(target, async (tmp) => {
      seenBefore = await readFile(join(target, 'data.txt'), 'utf8');
      await writeFile(join(tmp, 'data.txt'), 'next');
    });
    expect(seenBefore).toBe('previous');
    expect(await readFile(join(target, 'data.txt'), 'utf8')).toBe('next');
    expect(await readdir(parent)).toEqual(['set']);
  });

  it('removes a stale .old- folder when the target exists (the run died after the swap)', async () => {
    await folderWith(target, 'current');
    await folderWith(join(parent, `.set.old-${deadPid()}-abcdef`), 'previous');
    await expect(replaceDirAtomically(target, () => Promise.reject(new Error('no')))).rejects.toThrow(/no/);
    expect(await readFile(join(target, 'data.txt'), 'utf8')).toBe('current');
    expect(await readdir(parent)).toEqual(['set']);
  });
});
