import { describe, expect, it } from 'vitest';
import { localeFromLang, localizedPath, messages } from '../../../src/i18n';

describe('localizedPath', () => {
  it('moves a chapter with its widget state and anchor between editions', () => {
    expect(localizedPath('/chapters/unpooling/?unpool.step=3#unpool', 'zh')).toBe('/zh/chapters/unpooling/?unpool.step=3#unpool');
    expect(localizedPath('/zh/chapters/unpooling/?unpool.step=3#unpool', 'en')).toBe('/chapters/unpooling/?unpool.step=3#unpool');
  });

  it('maps the home pages and keeps a page already in the target language', () => {
    expect(localizedPath('/', 'zh')).toBe('/zh/');
    expect(localizedPath('/zh/', 'en')).toBe('/');
    expect(localizedPath('/zh', 'en')).toBe('/');
    expect(localizedPath('/zh/glossary/', 'zh')).toBe('/zh/glossary/');
  });

  it('honours a base path and does not take a page named zh-something for the Chinese edition', () => {
    expect(localizedPath('/unpooled/chapters/atrous/', 'zh', '/unpooled')).toBe('/unpooled/zh/chapters/atrous/');
    expect(localizedPath('/unpooled/zh/chapters/atrous/', 'en', '/unpooled/')).toBe('/unpooled/chapters/atrous/');
    expect(localizedPath('/zhongwen/', 'zh')).toBe('/zh/zhongwen/');
  });
});

describe('localeFromLang', () => {
  it('reads Chinese tags as zh and anything else as English', () => {
    expect(['zh-CN', 'zh', 'zh-Hans', 'ZH-cn'].map(localeFromLang)).toEqual(['zh', 'zh', 'zh', 'zh']);
    expect(['en', 'en-GB', '', null, undefined, 'zhx'].map(localeFromLang)).toEqual(['en', 'en', 'en', 'en', 'en', 'en']);
  });
});

describe('catalogues', () => {
  it('give each language its own strings', () => {
    expect(messages('en').site.skipToContent).toBe('Skip to content');
    expect(messages('zh').site.skipToContent).not.toBe(messages('en').site.skipToContent);
  });
});
