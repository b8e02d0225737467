/** The Chinese (zh-CN) catalogue: the English one's shape, every key translated. */
import type { Messages } from '..';
import { site } from './site';

export const zh: Messages = {
  site,
};
