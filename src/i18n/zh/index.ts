/** The Chinese (zh-CN) catalogue: the English one's shape, every key translated. */
import type { Messages } from '..';
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

export const zh: Messages = {
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
