/**
 * The English catalogue: one entry per area, each in its own file. The Chinese catalogue
 * (../zh) has the same shape; the type check holds it to every key.
 */
import { homeFigure } from './home-figure';
import { site } from './site';
import { streetSamples } from './street-samples';

export const en = {
  homeFigure,
  site,
  streetSamples,
};
