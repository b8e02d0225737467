import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fallbackImage, FALLBACK_WIDGETS, parseFallbackManifest } from '../../../../src/widgets/model/fallbacks';
import { expectChinese } from '../../i18n/same-in-both';

describe('precomputed figures in Chinese', () => {
  it('the committed manifest has Chinese alt text and caption for every figure', () => {
    const manifest = parseFallbackManifest(JSON.parse(readFileSync('public/fallbacks/manifest.json', 'utf8')));
    for (const widget of FALLBACK_WIDGETS) {
      const zh = manifest.images[widget]!.translations?.zh;
      expect(zh, widget).toBeDefined();
      expectChinese(`${zh!.alt}\n${zh!.caption}`);
    }
  });

  it('fallbackImage(widget, base, root, locale) gives the words of the language asked for', () => {
    const root = mkdtempSync(join(tmpdir(), 'fallbacks-zh-'));
    mkdirSync(join(root, 'public/fallbacks'), { recursive: true });
    const image = { file: 'a.webp', width: 2, height: 1, alt: 'A road', caption: 'Computed ahead', translations: { zh: { alt: '一条路', caption: '事先算好' } } };
    writeFileSync(join(root, 'public/fallbacks/manifest.json'), JSON.stringify({ model: 'm', images: { 'label-overlay': image } }));
    writeFileSync(join(root, 'public/fallbacks/a.webp'), 'x');
    expect(fallbackImage('label-overlay', '/', root, 'zh')).toMatchObject({ alt: '一条路', caption: '事先算好', src: '/fallbacks/a.webp' });
    expect(fallbackImage('label-overlay', '/', root, 'en')).toMatchObject({ alt: 'A road', caption: 'Computed ahead' });
    expect(() => parseFallbackManifest({ model: 'm', images: { 'label-overlay': { ...image, translations: { zh: { alt: '一条路' } } } } })).toThrow(
      'fallbacks/manifest.json: images["label-overlay"].translations.zh needs alt and caption',
    );
  });
});
