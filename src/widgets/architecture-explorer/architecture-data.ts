/**
 * Build-time only (the explorer's .astro front matter): both networks' layers and parameter
 * counts, computed from shapes with the engine's public API; nothing is allocated, and the
 * browser receives plain JSON, so drawing the diagram needs no TF.js.
 */
import { countParameters, DEFAULT_CONFIG, encoderPlan, type SegNetOptions } from '../../segnet';
import { PAGE_MODEL_CONFIG } from '../model/page-model';
import { architectureLayers } from './layers';
import { NETWORK_NAMES, PAPER_PARAMETERS, type NetKind, type NetworkSummary } from './networks';

/** SegNet-Basic at the size the page's model runs; VGG16-SegNet at the paper's 360 x 480. */
const CONFIGS: Record<NetKind, SegNetOptions> = {
  basic: { ...PAGE_MODEL_CONFIG },
  vgg16: { encoder: 'vgg16', decoder: 'segnet', height: 360, width: 480 },
};

export function networkSummary(net: NetKind): NetworkSummary {
  const options = CONFIGS[net];
  const config = { ...DEFAULT_CONFIG, ...options };
  return {
    net,
    name: NETWORK_NAMES[net],
    height: config.height,
    width: config.width,
    layers: architectureLayers(encoderPlan(config), config.height, config.width, config.numClasses),
    counts: countParameters(options),
    paper: PAPER_PARAMETERS[net],
  };
}

export function architectureData(): Record<NetKind, NetworkSummary> {
  return { basic: networkSummary('basic'), vgg16: networkSummary('vgg16') };
}
