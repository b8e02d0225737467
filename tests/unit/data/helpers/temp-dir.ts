/** Temporary folders for tests, removed afterwards. */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh folder under the OS temp dir. */
export function makeTempDir(prefix = 'unpooled-data-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

/** Removes a folder made by makeTempDir. */
export function removeDir(dir: string): Promise<void> {
  return rm(dir, { recursive: true, force: true });
}

/** Names in a folder that look like the atomic writer's temporary folders. */
export async function leftoverTemps(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((n) => /\.tmp-|\.old-/.test(n));
}
