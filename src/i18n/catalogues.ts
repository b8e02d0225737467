/**
 * Both languages' catalogues, for the build (the .astro side), Node scripts, tests and the
 * engine worker. A page's own scripts get src/i18n/page-catalogues.ts in its place (see the
 * one-page-catalogue plugin in astro.config.mjs): one language per page.
 */
import { en } from './en';
import { zh } from './zh';
import type { Locale } from './locales';

export const CATALOGUES: Record<Locale, typeof en> = { en, zh };
