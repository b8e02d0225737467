/** Finding a dataset for the CLIs. */
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';

/** The folders --data names are looked up in. */
export const DATA_ROOT = 'public/data';

/**
 * --data as a folder: a path if it holds a manifest, else a name under public/data. A path
 * recorded on another machine (a checkpoint's "runs/data/camvid-96x128") falls back to the
 * dataset of the same name under public/data.
 */
export function resolveDataDir(data: string, root = DATA_ROOT): string {
  const candidates = [data, join(root, data), join(root, basename(data))];
  const found = candidates.find((dir) => existsSync(join(dir, 'manifest.json')));
  if (found !== undefined) return found;
  const tried = [...new Set(candidates)].join(', ');
  throw new Error(
    `--data: none of ${tried} is a dataset folder (with manifest.json); make one with \`npm run data:synthetic\` or \`npm run data:camvid\``,
  );
}
