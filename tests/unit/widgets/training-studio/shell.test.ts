import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../../src/widgets/training-studio/settings';

describe('the training studio shell', () => {
  it('has one labelled control per setting, and no control without a setting', () => {
    const astro = readFileSync('src/widgets/training-studio/training-studio.astro', 'utf8');
    const fields = [...astro.matchAll(/data-field="(\w+)"/g)].map((m) => m[1]);
    expect([...fields].sort()).toEqual(Object.keys(DEFAULT_SETTINGS).sort());
  });
});
