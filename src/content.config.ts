import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { chapterIdFromFile } from './components/chapter-id';

/** Front matter of a chapter, the same in both editions. */
const chapterSchema = z.object({
  title: z.string().min(1),
  /** Position in the reading order, 1-based; unique across chapters. */
  order: z.number().int().positive(),
  /** One or two sentences for the chapter list and the page description. */
  summary: z.string().min(1),
});

/** Chapters of one edition: MDX files in `folder` named `NN-slug.mdx`, read in `order`. */
function chapterCollection(folder: string) {
  return defineCollection({
    loader: glob({ pattern: '*.mdx', base: folder, generateId: ({ entry }) => chapterIdFromFile(entry) }),
    schema: chapterSchema,
  });
}

/**
 * English chapters (content/chapters, served at /chapters/slug/) and their Chinese editions
 * (content/zh/chapters, same file names, served at /zh/chapters/slug/).
 */
export const collections = {
  chapters: chapterCollection('./content/chapters'),
  zhChapters: chapterCollection('./content/zh/chapters'),
};
