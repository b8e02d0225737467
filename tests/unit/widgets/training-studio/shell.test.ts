import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../../src/widgets/training-studio/settings';

const astro = readFileSync('src/widgets/training-studio/training-studio.astro', 'utf8');

/** The opening tag of every form control (input, select, textarea) in the template, with its offset. */
function controls(source: string): { tag: string; at: number }[] {
  return [...source.matchAll(/<(input|select|textarea)\b[^>]*>/g)].map((m) => ({ tag: m[0], at: m.index }));
}

/** Whether the control at `at` sits inside a <label> that is still open there. */
function insideLabel(source: string, at: number): boolean {
  const before = source.slice(0, at);
  return before.lastIndexOf('<label') > before.lastIndexOf('</label>');
}

function labelled(source: string, c: { tag: string; at: number }): boolean {
  return insideLabel(source, c.at) || /\saria-label(ledby)?=/.test(c.tag);
}

describe('the training studio shell', () => {
  it('has one control per setting, and no control without a setting', () => {
    const fields = [...astro.matchAll(/data-field="(\w+)"/g)].map((m) => m[1]);
    expect([...fields].sort()).toEqual(Object.keys(DEFAULT_SETTINGS).sort());
  });

  it('labels every control (a <label> around it, or aria-label / aria-labelledby)', () => {
    const found = controls(astro);
    expect(found.length).toBe(Object.keys(DEFAULT_SETTINGS).length + 1); // the settings and the file import
    expect(found.filter((c) => !labelled(astro, c)).map((c) => c.tag)).toEqual([]);
  });

  it('finds an unlabelled control (the check itself can fail)', () => {
    const bare = '<label>Batch <input data-field="batch" /></label>\n<select data-field="opt"></select>\n<input aria-label="Lr" data-field="lr" />';
    expect(controls(bare).filter((c) => !labelled(bare, c)).map((c) => c.tag)).toEqual(['<select data-field="opt">']);
  });
});
