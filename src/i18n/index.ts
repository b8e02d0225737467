/**
 * One message catalogue per language (src/i18n/en, src/i18n/zh), split into one file per
 * area. Widgets and components take every string a reader sees from here, never from their
 * own code. A message is a string, or a function of numbers and names for a sentence that
 * contains them (numbers are formatted by the caller's code, shared by both languages).
 *
 * `zh` is typed as `Messages`, so a key missing from it fails the type check.
 *
 * The build and Node read both catalogues (./catalogues); a page's scripts load only the
 * page's own language (./page-catalogues, put in place by astro.config.mjs), before any widget
 * starts, so messages() and pageMessages() stay synchronous everywhere.
 */
import type { en } from './en';
import { CATALOGUES } from './catalogues';
import { documentLocale, type Locale } from './locales';

export type Messages = typeof en;
export * from './locales';

/** The catalogue of a language. */
export function messages(locale: Locale): Messages {
  return CATALOGUES[locale];
}

/** The catalogue of the page this code runs in (from `<html lang>`). */
export function pageMessages(): Messages {
  return CATALOGUES[documentLocale()];
}
