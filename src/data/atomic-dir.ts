/**
 * Replacing a folder all at once (Node only). A dataset is built in a hidden temporary folder
 * beside its target and renamed over it only when complete, so readers, an interrupted run
 * or a failed import never see half a dataset, and the previous one survives any failure.
 */
import { existsSync, rmSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** The prefixes of the temporary folders kept beside `target` while it is rebuilt. */
function tempPrefixes(target: string): { tmp: string; old: string } {
  const base = basename(target);
  return { tmp: `.${base}.tmp-`, old: `.${base}.old-` };
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes temporary folders left by runs that were killed outright (SIGKILL, power loss). */
async function removeStaleTemps(parent: string, target: string): Promise<void> {
  const { tmp, old } = tempPrefixes(target);
  for (const name of await readdir(parent)) {
    const prefix = name.startsWith(tmp) ? tmp : name.startsWith(old) ? old : null;
    if (prefix === null) continue;
    const pid = Number.parseInt(name.slice(prefix.length), 10);
    if (Number.isInteger(pid) && pid !== process.pid && !processAlive(pid)) {
      await rm(join(parent, name), { recursive: true, force: true });
    }
  }
}

async function swapInto(tmpDir: string, target: string): Promise<void> {
  if (!existsSync(target)) {
    await rename(tmpDir, target);
    return;
  }
  const { old } = tempPrefixes(target);
  const oldDir = `${join(dirname(target), old)}${process.pid}-${basename(tmpDir).slice(-6)}`;
  await rename(target, oldDir);
  try {
    await rename(tmpDir, target);
  } catch (err) {
    await rename(oldDir, target);
    throw err;
  }
  await rm(oldDir, { recursive: true, force: true });
}

/**
 * Builds a folder's new contents with `build(tmpDir)` and then puts it in place of `target`.
 * On any error or abort the temporary folder is removed and `target` is left as it was.
 */
export async function replaceDirAtomically<T>(
  target: string,
  build: (tmpDir: string) => Promise<T>,
  signal?: AbortSignal,
): Promise<T> {
  const parent = dirname(target);
  await mkdir(parent, { recursive: true });
  await removeStaleTemps(parent, target);
  const tmpDir = await mkdtemp(join(parent, `${tempPrefixes(target).tmp}${process.pid}-`));
  // mkdtemp makes the folder private (0700); the published folder must be readable by a web server.
  await chmod(tmpDir, 0o755);
  // If something calls process.exit() mid-build, no async cleanup runs: remove the folder synchronously.
  const onExit = (): void => rmSync(tmpDir, { recursive: true, force: true });
  process.on('exit', onExit);
  try {
    signal?.throwIfAborted();
    const result = await build(tmpDir);
    signal?.throwIfAborted();
    await swapInto(tmpDir, target);
    return result;
  } finally {
    process.off('exit', onExit);
    await rm(tmpDir, { recursive: true, force: true });
  }
}
