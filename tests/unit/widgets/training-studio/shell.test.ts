import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, type Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../../src/widgets/training-studio/settings';

const ENTRY = 'src/widgets/training-studio/element.ts';

describe('the training studio shell', () => {
  it('has one labelled control per setting, and no control without a setting', () => {
    const astro = readFileSync('src/widgets/training-studio/training-studio.astro', 'utf8');
    const fields = [...astro.matchAll(/data-field="(\w+)"/g)].map((m) => m[1]);
    expect([...fields].sort()).toEqual(Object.keys(DEFAULT_SETTINGS).sort());
  });
});
