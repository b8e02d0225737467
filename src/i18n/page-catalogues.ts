/**
 * The catalogues as a page's scripts see them: only the page's own language (from
 * `<html lang>`), imported before any module that reads a message runs (a top-level await, so
 * every widget starts with its words in place). The build puts this module in place of
 * ./catalogues for the page's scripts (astro.config.mjs, one-page-catalogue); a page carries
 * one language, so a message asked for in the other language comes in the page's own.
 */
import { documentLocale, type Locale } from './locales';
import type { CATALOGUES as BOTH } from './catalogues';

type Catalogue = (typeof BOTH)['en'];

const own: Catalogue = documentLocale() === 'zh' ? (await import('./zh')).zh : (await import('./en')).en;

export const CATALOGUES: Record<Locale, Catalogue> = { en: own, zh: own };
