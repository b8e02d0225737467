/** Finding a dataset for the CLIs. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The folders --data names are looked up in. */
export const DATA_ROOT = 'public/data';

/** --data as a folder: a path if it holds a manifest, else a name under public/data. */
export function resolveDataDir(data: string, root = DATA_ROOT): string {
  if (existsSync(join(data, 'manifest.json'))) return data;
  const named = join(root, data);
  if (existsSync(join(named, 'manifest.json'))) return named;
  throw new Error(
    `--data: neither ${data} nor ${named} is a dataset folder (with manifest.json); make one with \`npm run data:synthetic\` or \`npm run data:camvid\``,
  );
}
