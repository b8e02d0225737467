import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, type Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../../src/widgets/training-studio/settings';

const ENTRY = 'src/widgets/training-studio/element.ts';

/** Every input reachable from an output chunk through static imports only. */
function staticInputs(meta: Metafile, output: string, seen = new Set<string>()): string[] {
  if (seen.has(output)) return [];
  seen.add(output);
  const chunk = meta.outputs[output]!;
  return [
    ...Object.keys(chunk.inputs),
    ...chunk.imports.filter((i) => i.kind === 'import-statement' && !i.external).flatMap((i) => staticInputs(meta, i.path, seen)),
  ];
}

describe('the training studio shell', () => {
  it('has one labelled control per setting, and no control without a setting', () => {
    const astro = readFileSync('src/widgets/training-studio/training-studio.astro', 'utf8');
    const fields = [...astro.matchAll(/data-field="(\w+)"/g)].map((m) => m[1]);
    expect([...fields].sort()).toEqual(Object.keys(DEFAULT_SETTINGS).sort());
  });

  it(`${ENTRY} loads TF.js and Observable Plot only through dynamic import()`, async () => {
    const outdir = mkdtempSync(join(tmpdir(), 'unpooled-studio-'));
    try {
      const { metafile } = await build({
        entryPoints: [ENTRY],
        bundle: true,
        splitting: true,
        format: 'esm',
        platform: 'browser',
        outdir,
        write: false,
        metafile: true,
        logLevel: 'silent',
        external: ['*?url'],
      });
      const main = Object.entries(metafile.outputs).find(([, o]) => o.entryPoint === ENTRY)![0];
      const eager = staticInputs(metafile, main);
      expect(eager.some((f) => f.includes(ENTRY))).toBe(true);
      expect(eager.filter((f) => /@tensorflow|@observablehq\/plot|node:/.test(f))).toEqual([]);
      const all = Object.values(metafile.outputs).flatMap((o) => Object.keys(o.inputs));
      expect(all.some((f) => f.includes('@tensorflow/tfjs-core'))).toBe(true);
      expect(all.some((f) => f.includes('@observablehq/plot'))).toBe(true);
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  });
});
