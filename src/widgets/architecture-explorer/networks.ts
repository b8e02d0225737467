/** The two networks the explorer draws, and what the SegNet paper says about their size. */
import { messages } from '../../i18n';
import type { ArchLayer } from './layers';

export const NET_KINDS = ['basic', 'vgg16'] as const;
export type NetKind = (typeof NET_KINDS)[number];

/** One network as the explorer receives it from the build: layers and parameter counts. */
export interface NetworkSummary {
  net: NetKind;
  name: string;
  /** Input size the shapes are given for. */
  height: number;
  width: number;
  layers: ArchLayer[];
  /** The engine's own count (countParameters), for the table. */
  counts: { encoder: number; decoder: number; total: number };
  /** The paper's figures (arXiv 1511.00561 v3); null where it gives none. */
  paper: { encoder: number | null; total: number };
}

/** The networks' names in English (each language's are in its catalogue). */
export const NETWORK_NAMES: Record<NetKind, string> = messages('en').architectureExplorer.networkNames;

/**
 * The paper's parameter counts: Table 1 gives SegNet-Basic 1.425 M; the text gives VGG16-SegNet
 * 29.4 M in all, 14.7 M of them in the encoder (down from VGG16's 134 M with its fully connected layers).
 */
export const PAPER_PARAMETERS: Record<NetKind, NetworkSummary['paper']> = {
  basic: { encoder: null, total: 1.425e6 },
  vgg16: { encoder: 14.7e6, total: 29.4e6 },
};
