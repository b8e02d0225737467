import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { chapterIdFromFile } from './components/chapter-id';

/** Chapters: MDX files in content/chapters named `NN-slug.mdx`, read in `order`, served at /chapters/slug/. */
const chapters = defineCollection({
  loader: glob({
    pattern: '*.mdx',
    base: './content/chapters',
    generateId: ({ entry }) => chapterIdFromFile(entry),
  }),
  schema: z.object({
    title: z.string().min(1),
    /** Position in the reading order, 1-based; unique across chapters. */
    order: z.number().int().positive(),
    /** One or two sentences for the chapter list and the page description. */
    summary: z.string().min(1),
  }),
});

export const collections = { chapters };
