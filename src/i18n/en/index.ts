/**
 * The English catalogue: one entry per area, each in its own file. The Chinese catalogue
 * (../zh) has the same shape; the type check holds it to every key.
 */
import { boundaryF1 } from './boundary-f1';
import { classes } from './classes';
import { controls } from './controls';
import { fallbacks } from './fallbacks';
import { figures } from './figures';
import { homeFigure } from './home-figure';
import { model } from './model';
import { ownImage } from './own-image';
import { pages } from './pages';
import { reading } from './reading';
import { resultsTable } from './results-table';
import { site } from './site';
import { streetSamples } from './street-samples';
import { translationDemo } from './translation-demo';
import { transposedConv } from './transposed-conv';

export const en = {
  boundaryF1,
  classes,
  controls,
  fallbacks,
  figures,
  homeFigure,
  model,
  ownImage,
  pages,
  reading,
  resultsTable,
  site,
  streetSamples,
  translationDemo,
  transposedConv,
};
