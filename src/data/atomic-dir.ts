/**
 * Replacing a folder all at once (Node only). A dataset is built in a hidden temporary folder
 * beside its target and renamed over it only when complete, so readers, an interrupted run
 * or a failed import never see half a dataset, and the previous one survives any failure.
 */
import { existsSync, rmSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readdir, rename, rm, stat } from 'node:fs/promises';
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

/** The temporary folders beside `target` whose process (the pid in the name) is gone. */
async function staleTemps(parent: string, target: string): Promise<{ tmp: string[]; old: string[] }> {
  const prefixes = tempPrefixes(target);
  const stale = { tmp: [] as string[], old: [] as string[] };
  for (const name of await readdir(parent)) {
    const kind = name.startsWith(prefixes.tmp) ? 'tmp' : name.startsWith(prefixes.old) ? 'old' : null;
    if (kind === null) continue;
    const pid = Number.parseInt(name.slice(prefixes[kind].length), 10);
    if (Number.isInteger(pid) && pid !== process.pid && !processAlive(pid)) stale[kind].push(join(parent, name));
  }
  return stale;
}

/** The most recently modified of some folders. */
async function newest(dirs: string[]): Promise<string> {
  const times = await Promise.all(dirs.map(async (d) => (await stat(d)).mtimeMs));
  return dirs[times.indexOf(Math.max(...times))]!;
}

/**
 * Cleans up after runs that were killed outright (SIGKILL, power loss). Half-built `.tmp-`
 * folders are removed. An `.old-` folder holds the previous contents of `target`: if the run
 * died after moving it aside but before moving the new folder in, `target` is missing and the
 * `.old-` folder is the only copy, so it is renamed back; otherwise it is removed.
 */
async function recoverStaleTemps(parent: string, target: string): Promise<void> {
  const stale = await staleTemps(parent, target);
  if (!existsSync(target) && stale.old.length > 0) {
    const previous = await newest(stale.old);
    await rename(previous, target);
    stale.old = stale.old.filter((d) => d !== previous);
  }
  for (const dir of [...stale.tmp, ...stale.old]) await rm(dir, { recursive: true, force: true });
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
  await recoverStaleTemps(parent, target);
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
