/**
 * The English catalogue: one entry per area, each in its own file. The Chinese catalogue
 * (../zh) has the same shape; the type check holds it to every key.
 */
import { site } from './site';
import { poolingStepper } from './pooling-stepper';
import { unpoolingStepper } from './unpooling-stepper';
import { atrousExplorer } from './atrous-explorer';
import { memoryCalculator } from './memory-calculator';
import { labelOverlay } from './label-overlay';
import { decoderSideBySide } from './decoder-side-by-side';
import { architectureExplorer } from './architecture-explorer';

export const en = {
  site,
  poolingStepper,
  unpoolingStepper,
  atrousExplorer,
  memoryCalculator,
  labelOverlay,
  decoderSideBySide,
  architectureExplorer,
};
