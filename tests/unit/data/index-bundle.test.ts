import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

/** Bundles an entry for the browser and lists the files it pulled in. */
async function browserInputs(entry: string): Promise<string[]> {
  const result = await build({ entryPoints: [entry], bundle: true, platform: 'browser', format: 'esm', write: false, metafile: true, logLevel: 'silent' });
  return Object.keys(result.metafile.inputs);
}

describe('module boundaries of src/data', () => {
  it('src/data/index.ts bundles for the browser without node: built-ins, sharp or TF.js', async () => {
    const inputs = await browserInputs('src/data/index.ts');
    expect(inputs.some((f) => f.includes('src/data/load-browser.ts'))).toBe(true);
    expect(inputs.filter((f) => /^node:|sharp|@tensorflow|load-node|write-dataset|camvid\//.test(f))).toEqual([]);
  });

  it('src/data/batches.ts bundles for the browser (TF.js, no Node code)', async () => {
    const inputs = await browserInputs('src/data/batches.ts');
    expect(inputs.some((f) => f.includes('@tensorflow'))).toBe(true);
    expect(inputs.filter((f) => /^node:|sharp|load-node/.test(f))).toEqual([]);
  });

  it('src/segnet never imports src/data (dependencies point one way)', () => {
    const files = readdirSync('src/segnet', { recursive: true, encoding: 'utf8' }).filter((f) => /\.(ts|js|mjs)$/.test(f));
    const offenders = files.filter((f) => /from\s+['"][^'"]*\/data(\/|['"])/.test(readFileSync(join('src/segnet', f), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
