import { getCollection, type CollectionEntry } from 'astro:content';

export type Chapter = CollectionEntry<'chapters'>;

/** All chapters in reading order; fails the build when two chapters claim the same `order`. */
export async function getChapters(): Promise<Chapter[]> {
  const chapters = (await getCollection('chapters')).sort((a, b) => a.data.order - b.data.order);
  chapters.forEach((chapter, i) => {
    const previous = chapters[i - 1];
    if (previous && previous.data.order === chapter.data.order) {
      throw new Error(
        `chapters "${previous.id}" and "${chapter.id}" both have order ${chapter.data.order}`,
      );
    }
  });
  return chapters;
}

/** Site-relative URL of a path, honouring Astro's `base` setting. */
export function sitePath(path = ''): string {
  const base = import.meta.env.BASE_URL.replace(/\/$/, '');
  return `${base}/${path.replace(/^\//, '')}`;
}

/** URL of a chapter page. */
export function chapterPath(id: string): string {
  return sitePath(`chapters/${id}/`);
}
