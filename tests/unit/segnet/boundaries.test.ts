import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|astro|mjs)$/.test(p) ? [p] : [];
  });
}

/** Every module specifier a file imports, with whether the import is type-only. */
function imports(file: string): { spec: string; typeOnly: boolean }[] {
  const text = readFileSync(file, 'utf8');
  const found: { spec: string; typeOnly: boolean }[] = [];
  for (const m of text.matchAll(/(import|export)(\s+type)?\b[^;]*?\bfrom\s+'([^']+)'/g)) found.push({ spec: m[3]!, typeOnly: m[2] !== undefined });
  for (const m of text.matchAll(/import\(\s*'([^']+)'\s*\)/g)) found.push({ spec: m[1]!, typeOnly: false });
  return found;
}

/** The file a relative specifier names (with .ts, or its folder's index.ts). */
function resolve(from: string, spec: string): string {
  const base = normalize(join(dirname(from), spec));
  for (const candidate of [`${base}.ts`, join(base, 'index.ts')]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not this one
    }
  }
  return base;
}

describe('src/segnet dependencies', () => {
  it('imports only TF.js and its own files', () => {
    const offenders: string[] = [];
    for (const file of files('src/segnet')) {
      for (const { spec } of imports(file)) {
        if (spec.startsWith('.') ? spec.includes('../../') : !spec.startsWith('@tensorflow/tfjs')) offenders.push(`${file}: ${spec}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('core.ts loads no TF.js: nothing it reaches imports TF.js at run time', () => {
    const seen = new Set<string>();
    const offenders: string[] = [];
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const { spec, typeOnly } of imports(file)) {
        if (typeOnly) continue;
        if (spec.startsWith('@tensorflow')) offenders.push(`${file}: ${spec}`);
        else if (spec.startsWith('.')) visit(resolve(file, spec));
      }
    };
    visit('src/segnet/core.ts');
    expect(offenders).toEqual([]);
    expect(seen.size).toBeGreaterThan(10);
  });

  it('has no import that runs back up: folders and top-level files form no cycle', () => {
    // A node is a folder of src/segnet, or a file at its top level.
    const node = (file: string) => relative('src/segnet', file).split('/')[0]!.replace(/\.ts$/, '');
    const edges = new Map<string, Set<string>>();
    for (const file of files('src/segnet')) {
      for (const { spec } of imports(file)) {
        if (!spec.startsWith('.')) continue;
        const [a, b] = [node(file), node(resolve(file, spec))];
        if (a !== b) edges.set(a, (edges.get(a) ?? new Set()).add(b));
      }
    }
    const cycles: string[] = [];
    const path: string[] = [];
    const done = new Set<string>();
    const walk = (n: string) => {
      if (path.includes(n)) {
        cycles.push([...path.slice(path.indexOf(n)), n].join(' -> '));
        return;
      }
      if (done.has(n)) return;
      path.push(n);
      for (const m of edges.get(n) ?? []) walk(m);
      path.pop();
      done.add(n);
    };
    for (const n of edges.keys()) walk(n);
    expect(cycles).toEqual([]);
  });
});

describe('callers of the engine', () => {
  it('widgets, pages, data, scripts and tests import src/segnet only through index.ts or core.ts', () => {
    const callers = ['src/widgets', 'src/pages', 'src/components', 'src/data', 'scripts', 'tests'].flatMap(files);
    const offenders: string[] = [];
    for (const file of callers) {
      // The engine's own unit tests check its internals (channel moments, filter gradients).
      if (file.startsWith('tests/unit/segnet/')) continue;
      for (const { spec } of imports(file)) {
        if (!spec.startsWith('.')) continue;
        const target = resolve(file, spec);
        if (target.startsWith('src/segnet/') && target !== 'src/segnet/index.ts' && target !== 'src/segnet/core.ts') offenders.push(`${file}: ${spec}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('scripts import widgets only in render-fallbacks.ts, which draws the widgets’ own figures, and soak-studio.ts, which soaks the studio’s session', () => {
    const allowed = ['scripts/render-fallbacks.ts', 'scripts/soak-studio.ts'];
    const offenders = files('scripts').filter(
      (file) => !allowed.includes(file) && imports(file).some(({ spec }) => spec.startsWith('.') && resolve(file, spec).startsWith('src/widgets/')),
    );
    expect(offenders).toEqual([]);
  });
});
