/** The Chinese (zh-CN) catalogue: the English one's shape, every key translated. */
import type { Messages } from '..';
import { site } from './site';
import { poolingStepper } from './pooling-stepper';
import { unpoolingStepper } from './unpooling-stepper';
import { atrousExplorer } from './atrous-explorer';
import { memoryCalculator } from './memory-calculator';
import { labelOverlay } from './label-overlay';
import { decoderSideBySide } from './decoder-side-by-side';
import { architectureExplorer } from './architecture-explorer';

export const zh: Messages = {
  site,
  poolingStepper,
  unpoolingStepper,
  atrousExplorer,
  memoryCalculator,
  labelOverlay,
  decoderSideBySide,
  architectureExplorer,
};
