/**
 * A small, strict command-line parser: --name value, --name=value and boolean --flag.
 * Unknown options are errors that name the option and list the known ones.
 */
export type ArgSpec = Record<string, { type: 'string' | 'number' | 'boolean'; default?: string | number | boolean; help: string }>;

export type ParsedArgs<S extends ArgSpec> = {
  [K in keyof S]: S[K]['type'] extends 'number' ? number : S[K]['type'] extends 'boolean' ? boolean : string;
};

export function parseArgs<S extends ArgSpec>(argv: string[], spec: S, usage: string): ParsedArgs<S> {
  const out: Record<string, string | number | boolean | undefined> = {};
  for (const [k, v] of Object.entries(spec)) out[k] = v.default;
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i]!;
    if (raw === '--help' || raw === '-h') {
      console.log(usage + '\n\nOptions:\n' + Object.entries(spec).map(([k, v]) => `  --${k.padEnd(18)} ${v.help}${v.default !== undefined ? ` (default ${String(v.default)})` : ''}`).join('\n'));
      process.exit(0);
    }
    if (!raw.startsWith('--')) throw new Error(`unexpected argument '${raw}' (options start with --; see --help)`);
    const [name, inline] = raw.slice(2).split('=', 2) as [string, string | undefined];
    const s = spec[name];
    if (!s) throw new Error(`unknown option --${name}; known: ${Object.keys(spec).map((k) => '--' + k).join(', ')}`);
    if (s.type === 'boolean') {
      out[name] = inline === undefined ? true : inline !== 'false';
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined) throw new Error(`option --${name} needs a value`);
    if (s.type === 'number') {
      const n = Number(value);
      if (!Number.isFinite(n)) throw new Error(`option --${name} must be a number, got '${value}'`);
      out[name] = n;
    } else out[name] = value;
  }
  return out as ParsedArgs<S>;
}
