/**
 * The widget's element must stay light: TF.js, Observable Plot and the comparison's engine side
 * load through dynamic import() only (when the widget nears the viewport or on Start), so they
 * never count against the chapter's initial-JS budget. Bundled with esbuild as the site would.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, type Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';

const ENTRY = 'src/widgets/decoder-comparison/element.ts';

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

describe('decoder-comparison module boundaries', () => {
  it('loads TF.js, Plot and the training code only through dynamic import()', async () => {
    const outdir = mkdtempSync(join(tmpdir(), 'unpooled-compare-bundle-'));
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
      // (src/data names its classes with the engine's class-count constants: a few bytes, no TF.js.)
      expect(eager.filter((f) => /@tensorflow|@observablehq\/plot|node:|comparison-engine|src\/segnet\/(?!class-weights\.ts)/.test(f))).toEqual([]);
      // ...but they are in the bundle, behind the dynamic imports.
      const all = Object.values(metafile.outputs).flatMap((o) => Object.keys(o.inputs));
      for (const late of ['@tensorflow/tfjs-core', '@observablehq/plot', 'decoder-comparison/comparison-engine.ts']) {
        expect(all.some((f) => f.includes(late)), late).toBe(true);
      }
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  });
});
