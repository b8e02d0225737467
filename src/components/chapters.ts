import { getCollection, type CollectionEntry } from 'astro:content';
import { DEFAULT_LOCALE, type Locale } from '../i18n/locales';

/** A chapter of either edition (both collections share one schema and one set of ids). */
export type Chapter = CollectionEntry<'chapters'> | CollectionEntry<'zhChapters'>;

/** Each edition's collection, and the folder its files live in (for messages). */
const EDITIONS = {
  en: { collection: 'chapters', folder: 'content/chapters' },
  zh: { collection: 'zhChapters', folder: 'content/zh/chapters' },
} as const satisfies Record<Locale, { collection: string; folder: string }>;

async function editionChapters(locale: Locale): Promise<Chapter[]> {
  return getCollection(EDITIONS[locale].collection);
}

/**
 * Fails the build, naming the chapter, when one edition has a chapter the other lacks: every
 * page has its counterpart in the other language, so the language switch never leads nowhere.
 */
export async function assertEditionsMatch(): Promise<void> {
  const ids = await Promise.all(
    (Object.keys(EDITIONS) as Locale[]).map(async (locale) => [locale, new Set((await editionChapters(locale)).map((c) => c.id))] as const),
  );
  for (const [locale, own] of ids) {
    for (const [other, theirs] of ids) {
      const missing = [...own].filter((id) => !theirs.has(id)).sort();
      if (missing.length > 0) {
        throw new Error(
          `chapter "${missing[0]}" is in ${EDITIONS[locale].folder} but not in ${EDITIONS[other].folder}` +
            (missing.length > 1 ? ` (nor are ${missing.slice(1).map((id) => `"${id}"`).join(', ')})` : ''),
        );
      }
    }
  }
}

/**
 * All chapters of an edition in reading order; fails the build when two chapters claim the same
 * `order`, or when the editions do not have the same chapters.
 */
export async function getChapters(locale: Locale = DEFAULT_LOCALE): Promise<Chapter[]> {
  await assertEditionsMatch();
  const chapters = (await editionChapters(locale)).sort((a, b) => a.data.order - b.data.order);
  chapters.forEach((chapter, i) => {
    const previous = chapters[i - 1];
    if (previous && previous.data.order === chapter.data.order) {
      throw new Error(
        `chapters "${previous.id}" and "${chapter.id}" both have order ${chapter.data.order} (${EDITIONS[locale].folder})`,
      );
    }
  });
  return chapters;
}

/** Site-relative URL of a path in an edition, honouring Astro's `base` setting. */
export function sitePath(path = '', locale: Locale = DEFAULT_LOCALE): string {
  const base = import.meta.env.BASE_URL.replace(/\/$/, '');
  const edition = locale === DEFAULT_LOCALE ? '' : `/${locale}`;
  return `${base}${edition}/${path.replace(/^\//, '')}`;
}

/** URL of a chapter page in an edition. */
export function chapterPath(id: string, locale: Locale = DEFAULT_LOCALE): string {
  return sitePath(`chapters/${id}/`, locale);
}


/** The static paths of an edition's chapter pages, each with its neighbours for the pager. */
export async function chapterPaths(locale: Locale) {
  const chapters = await getChapters(locale);
  return chapters.map((chapter, i) => ({
    params: { slug: chapter.id },
    props: { chapter, previous: chapters[i - 1], next: chapters[i + 1], locale },
  }));
}
