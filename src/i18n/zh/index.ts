/** The Chinese (zh-CN) catalogue: the English one's shape, every key translated. */
import type { Messages } from '..';
import { site } from './site';
import { reading } from './reading';
import { pages } from './pages';
import { figures } from './figures';

export const zh: Messages = {
  site,
  reading,
  pages,
  figures,
};
