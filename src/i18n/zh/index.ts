/** The Chinese (zh-CN) catalogue: the English one's shape, every key translated. */
import type { Messages } from '..';
import { homeFigure } from './home-figure';
import { site } from './site';
import { streetSamples } from './street-samples';

export const zh: Messages = {
  homeFigure,
  site,
  streetSamples,
};
