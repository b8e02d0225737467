/**
 * The English catalogue: one entry per area, each in its own file. The Chinese catalogue
 * (../zh) has the same shape; the type check holds it to every key.
 */
import { site } from './site';
import { reading } from './reading';
import { pages } from './pages';
import { figures } from './figures';

export const en = {
  site,
  reading,
  pages,
  figures,
};
