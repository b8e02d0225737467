/**
 * Build-time only (the explorer's .astro front matter): both networks' layers and parameter
 * counts, computed from shapes with the engine's public API; nothing is allocated, and the
 * browser receives plain JSON, so drawing the diagram needs no TF.js.
 */
import { messages, type Messages } from '../../i18n';
import { countParameters, DEFAULT_CONFIG, encoderPlan, type SegNetOptions } from '../../segnet';
import { PAGE_MODEL_CONFIG } from '../model/page-model';
import { architectureLayers } from './layers';
import { PAPER_PARAMETERS, type NetKind, type NetworkSummary } from './networks';

/** SegNet-Basic at the size the page's model runs; VGG16-SegNet at the paper's 360 x 480. */
const CONFIGS: Record<NetKind, SegNetOptions> = {
  basic: { ...PAGE_MODEL_CONFIG },
  vgg16: { encoder: 'vgg16', decoder: 'segnet', height: 360, width: 480 },
};

type Words = Messages['architectureExplorer'];
const ENGLISH: Words = messages('en').architectureExplorer;

/** One network, its name and layers in the words of `t`. */
export function networkSummary(net: NetKind, t: Words = ENGLISH): NetworkSummary {
  const options = CONFIGS[net];
  const config = { ...DEFAULT_CONFIG, ...options };
  return {
    net,
    name: t.networkNames[net],
    height: config.height,
    width: config.width,
    layers: architectureLayers(encoderPlan(config), config.height, config.width, config.numClasses, t),
    counts: countParameters(options),
    paper: PAPER_PARAMETERS[net],
  };
}

export function architectureData(t: Words = ENGLISH): Record<NetKind, NetworkSummary> {
  return { basic: networkSummary('basic', t), vgg16: networkSummary('vgg16', t) };
}
