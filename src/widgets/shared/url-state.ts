/**
 * Widget state mirrored in the page URL, so a teacher can link to a widget exactly as they
 * left it. Each widget instance has an id (given in the MDX tag) and owns the query keys
 * `<id>.<field>`; fields equal to their defaults are left out of the URL.
 */

/** How one widget's state maps to strings and back. parse ignores unknown or malformed values. */
export interface StateCodec<S> {
  defaults: S;
  /** Values read from the URL, by field; return only the fields that parse and are in range. */
  parse(fields: Record<string, string>): Partial<S>;
  serialize(state: S): Record<string, string>;
}

/** The fields of one widget id in a query string. */
export function fieldsFor(id: string, search: string): Record<string, string> {
  const out: Record<string, string> = {};
  const prefix = `${id}.`;
  for (const [key, value] of new URLSearchParams(search)) {
    if (key.startsWith(prefix)) out[key.slice(prefix.length)] = value;
  }
  return out;
}

/** The widget's state from a query string (defaults for anything absent or invalid). */
export function readState<S>(id: string, codec: StateCodec<S>, search: string): S {
  return { ...codec.defaults, ...codec.parse(fieldsFor(id, search)) };
}

/** A query string with this widget's fields replaced by `state` (defaults omitted). */
export function withState<S>(id: string, codec: StateCodec<S>, state: S, search: string): string {
  const params = new URLSearchParams(search);
  for (const key of [...params.keys()]) if (key.startsWith(`${id}.`)) params.delete(key);
  const defaults = codec.serialize(codec.defaults);
  for (const [field, value] of Object.entries(codec.serialize(state))) {
    if (defaults[field] !== value) params.set(`${id}.${field}`, value);
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Writes the state into the current URL without adding a history entry. */
export function writeState<S>(id: string, codec: StateCodec<S>, state: S): void {
  const search = withState(id, codec, state, window.location.search);
  if (search === window.location.search) return;
  window.history.replaceState(window.history.state, '', `${window.location.pathname}${search}${window.location.hash}`);
}

/** Parses an integer field within [min, max]; undefined when absent or out of range. */
export function intField(value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined || !/^-?\d+$/.test(value)) return undefined;
  const n = Number(value);
  return n >= min && n <= max ? n : undefined;
}

/** Parses a number field within [min, max]. */
export function numberField(value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) && n >= min && n <= max ? n : undefined;
}

/** Parses one of a fixed set of strings. */
export function choiceField<T extends string>(value: string | undefined, choices: readonly T[]): T | undefined {
  return choices.find((c) => c === value);
}

/**
 * The fields of `parsed` that are defined: write `parse` as `definedFields({ a: intField(...) })`
 * so a field that fails to parse falls back to its default instead of overwriting it with undefined.
 */
export function definedFields<S>(parsed: { [K in keyof S]?: S[K] | undefined }): Partial<S> {
  const out: Partial<S> = {};
  for (const key of Object.keys(parsed) as (keyof S)[]) {
    const value = parsed[key];
    if (value !== undefined) out[key] = value;
  }
  return out;
}
