/**
 * One language's catalogue per page: the build gives a page's scripts src/i18n/page-catalogues.ts
 * in place of src/i18n/catalogues.ts (astro.config.mjs), and that module holds only the page's
 * own language, in place of both.
 */
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import config from '../../../astro.config.mjs';
import { en } from '../../../src/i18n/en';
import { zh } from '../../../src/i18n/zh';

interface ResolvePlugin {
  name: string;
  resolveId: (this: { environment?: { config: { consumer: string } } }, source: string, importer?: string, options?: { ssr?: boolean }) => string | null;
}

const plugin = (config.vite?.plugins ?? []).flat().find((p) => (p as { name?: string } | null)?.name === 'unpooled:one-page-catalogue') as ResolvePlugin | undefined;
const INDEX = fileURLToPath(new URL('../../../src/i18n/index.ts', import.meta.url));
const PAGE = fileURLToPath(new URL('../../../src/i18n/page-catalogues.ts', import.meta.url));

describe('the one-page-catalogue build plugin', () => {
  it('gives the page\'s scripts the one-language module, and the server build both catalogues', () => {
    expect(plugin, 'astro.config.mjs has no unpooled:one-page-catalogue plugin').toBeDefined();
    const resolve = (consumer: string | null, source: string, importer: string, ssr?: boolean) =>
      plugin!.resolveId.call(consumer ? { environment: { config: { consumer } } } : {}, source, importer, { ssr });
    expect(resolve('client', './catalogues', INDEX)).toBe(PAGE);
    expect(resolve(null, './catalogues', INDEX, false)).toBe(PAGE);
    expect(resolve('server', './catalogues', INDEX)).toBeNull();
    expect(resolve(null, './catalogues', INDEX, true)).toBeNull();
    // Only the catalogue import of src/i18n/index.ts is redirected.
    expect(resolve('client', './catalogues', INDEX.replace('index.ts', 'other.ts'))).toBeNull();
    expect(resolve('client', './locales', INDEX)).toBeNull();
  });
});

describe('page-catalogues.ts', () => {
  it('holds the page\'s language only (English where there is no document), under both names', async () => {
    const { CATALOGUES } = await import('../../../src/i18n/page-catalogues');
    expect(CATALOGUES.en).toBe(en);
    expect(CATALOGUES.zh).toBe(en);
    expect(CATALOGUES.zh).not.toBe(zh);
  });

  it('on a Chinese page, the Chinese catalogue', async () => {
    vi.resetModules();
    vi.stubGlobal('document', { documentElement: { lang: 'zh-CN' } });
    const { CATALOGUES } = await import('../../../src/i18n/page-catalogues');
    const { zh: chinese } = await import('../../../src/i18n/zh');
    expect(CATALOGUES.zh).toBe(chinese);
    expect(CATALOGUES.en).toBe(chinese);
  });
});

afterEach(() => {
  vi.unstubAllGlobals();
});
