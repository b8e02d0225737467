/** The Chinese (zh-CN) catalogue: the English one's shape, every key translated. */
import type { Messages } from '..';
import { boundaryF1 } from './boundary-f1';
import { classes } from './classes';
import { controls } from './controls';
import { fallbacks } from './fallbacks';
import { homeFigure } from './home-figure';
import { model } from './model';
import { ownImage } from './own-image';
import { resultsTable } from './results-table';
import { site } from './site';
import { streetSamples } from './street-samples';
import { translationDemo } from './translation-demo';
import { transposedConv } from './transposed-conv';

export const zh: Messages = {
  boundaryF1,
  classes,
  controls,
  fallbacks,
  homeFigure,
  model,
  ownImage,
  resultsTable,
  site,
  streetSamples,
  translationDemo,
  transposedConv,
};
