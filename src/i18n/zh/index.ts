/** The Chinese (zh-CN) catalogue: the English one's shape, every key translated. */
import type { Messages } from '..';
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

export const zh: Messages = {
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
