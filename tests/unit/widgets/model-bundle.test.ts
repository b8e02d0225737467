import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, type Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';

const ELEMENTS = [
  'src/widgets/label-overlay/element.ts',
  'src/widgets/architecture-explorer/element.ts',
  'src/widgets/decoder-side-by-side/element.ts',
  'src/widgets/results-table/element.ts',
  'src/widgets/results-table/boundary-element.ts',
  'src/widgets/own-image/element.ts',
  'src/widgets/training-studio/element.ts',
  'src/widgets/decoder-comparison/element.ts',
  'src/widgets/pixel-provenance/element.ts',
  'src/widgets/decoder-gallery/element.ts',
  'src/widgets/encoder-stage-stepper/element.ts',
  'src/widgets/worker/engine.worker.ts',
];

/**
 * Widgets whose engine runs in the engine worker (every model-backed widget: the page model and
 * the own-image network are proxies to it): their page code never loads TF.js at all.
 */
const IN_WORKER = ELEMENTS.filter((e) => !e.includes('engine.worker') && !e.includes('results-table/element'));

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

describe('module boundaries of the model-backed widgets', () => {
  it.each(ELEMENTS)('%s loads TF.js and Observable Plot only through dynamic import()', async (entry) => {
    const outdir = mkdtempSync(join(tmpdir(), 'unpooled-bundle-'));
    try {
      const { metafile } = await build({
        entryPoints: [entry],
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
      const main = Object.entries(metafile.outputs).find(([, o]) => o.entryPoint === entry)![0];
      const eager = staticInputs(metafile, main);
      expect(eager.some((f) => f.includes(entry))).toBe(true);
      expect(eager.filter((f) => /@tensorflow|@observablehq\/plot|node:/.test(f))).toEqual([]);
      const all = Object.values(metafile.outputs).flatMap((o) => Object.keys(o.inputs));
      // esbuild leaves `new Worker(new URL(...))` alone, so the worker's code is not in a page's bundle.
      if (IN_WORKER.includes(entry)) expect(all.filter((f) => f.includes('@tensorflow'))).toEqual([]);
      else if (!entry.includes('results-table/element')) expect(all.some((f) => f.includes('@tensorflow/tfjs-core'))).toBe(true);
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  });
});
