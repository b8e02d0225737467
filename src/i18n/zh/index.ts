/** The Chinese (zh-CN) catalogue: the English one's shape, every key translated. */
import type { Messages } from '..';
import { architectureExplorer } from './architecture-explorer';
import { atrousExplorer } from './atrous-explorer';
import { boundaryF1 } from './boundary-f1';
import { checkerboardDemo } from './checkerboard-demo';
import { classes } from './classes';
import { controls } from './controls';
import { decoderComparison } from './decoder-comparison';
import { decoderGallery } from './decoder-gallery';
import { decoderSideBySide } from './decoder-side-by-side';
import { encoderStageStepper } from './encoder-stage-stepper';
import { fallbacks } from './fallbacks';
import { figures } from './figures';
import { homeFigure } from './home-figure';
import { labelOverlay } from './label-overlay';
import { labelPainter } from './label-painter';
import { memoryCalculator } from './memory-calculator';
import { model } from './model';
import { ownData } from './own-data';
import { ownImage } from './own-image';
import { pages } from './pages';
import { pixelProvenance } from './pixel-provenance';
import { poolingStepper } from './pooling-stepper';
import { reading } from './reading';
import { resultsTable } from './results-table';
import { site } from './site';
import { streetSamples } from './street-samples';
import { trainingStudio } from './training-studio';
import { translationDemo } from './translation-demo';
import { transposedConv } from './transposed-conv';
import { unpoolingStepper } from './unpooling-stepper';
import { widgetRuntime } from './widget-runtime';

export const zh: Messages = {
  architectureExplorer,
  atrousExplorer,
  boundaryF1,
  checkerboardDemo,
  classes,
  controls,
  decoderComparison,
  decoderGallery,
  decoderSideBySide,
  encoderStageStepper,
  fallbacks,
  figures,
  homeFigure,
  labelOverlay,
  labelPainter,
  memoryCalculator,
  model,
  ownData,
  ownImage,
  pages,
  pixelProvenance,
  poolingStepper,
  reading,
  resultsTable,
  site,
  streetSamples,
  trainingStudio,
  translationDemo,
  transposedConv,
  unpoolingStepper,
  widgetRuntime,
};
