/**
 * The site's languages. English is served at the root, Chinese under /zh/. A page says its
 * language in `<html lang>`; widgets read it there (`documentLocale`), so one built widget
 * serves both editions.
 */
export const LOCALES = ['en', 'zh'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

/** The BCP 47 tag written into `<html lang>` and hreflang links. */
export const HTML_LANG: Record<Locale, string> = { en: 'en', zh: 'zh-CN' };

/** Each language's name in itself, for the language switch. */
export const LOCALE_NAME: Record<Locale, string> = { en: 'English', zh: '中文' };

/** The locale a language tag belongs to (`zh-CN`, `zh-Hans`, `zh` are Chinese; anything else English). */
export function localeFromLang(lang: string | null | undefined): Locale {
  return /^zh\b/i.test(lang ?? '') ? 'zh' : 'en';
}

/** The language of the page this code runs in (English outside a browser). */
export function documentLocale(): Locale {
  return typeof document === 'undefined' ? DEFAULT_LOCALE : localeFromLang(document.documentElement.lang);
}

/**
 * The same page in another language: `/chapters/x/?a=1#w` <-> `/zh/chapters/x/?a=1#w`, keeping
 * the query (widget state) and the anchor. `base` is the site's base path (Astro's BASE_URL).
 */
export function localizedPath(pathWithQuery: string, target: Locale, base = '/'): string {
  const root = base.endsWith('/') ? base : `${base}/`;
  const suffixAt = pathWithQuery.search(/[?#]/);
  const path = suffixAt < 0 ? pathWithQuery : pathWithQuery.slice(0, suffixAt);
  const suffix = suffixAt < 0 ? '' : pathWithQuery.slice(suffixAt);
  let rest = path.startsWith(root) ? path.slice(root.length) : path.replace(/^\//, '');
  if (rest === 'zh' || rest.startsWith('zh/')) rest = rest.slice(2).replace(/^\//, '');
  const prefix = target === DEFAULT_LOCALE ? '' : `${target}/`;
  return `${root}${prefix}${rest}${suffix}`;
}
