/**
 * The English catalogue: one entry per area, each in its own file. The Chinese catalogue
 * (../zh) has the same shape; the type check holds it to every key.
 */
import { site } from './site';
import { fallbacks } from './fallbacks';
import { ownImage } from './own-image';
import { boundaryF1 } from './boundary-f1';
import { resultsTable } from './results-table';
import { model } from './model';
import { controls } from './controls';
import { transposedConv } from './transposed-conv';
import { translationDemo } from './translation-demo';
import { classes } from './classes';

export const en = {
  site,
  fallbacks,
  ownImage,
  boundaryF1,
  resultsTable,
  model,
  controls,
  transposedConv,
  translationDemo,
  classes,
};
