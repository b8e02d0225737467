/**
 * The fixed facts of each decoder at each resolution: its own parameters, and what it needs
 * kept from the encoder to decode (SegNet: 2-bit pooling indices; FCN: K-channel skip maps;
 * DeepLab: nothing, it never pooled away the resolution it needs). Computed at build time by
 * the widget's shell from src/segnet's countParameters and memoryReport, so the page shows
 * them before TF.js loads (those functions live beside model code that imports TF.js).
 */
import type { MemoryReport, ParameterCount } from '../../segnet';
import { COMPARED_DECODERS, RESOLUTIONS, type ComparedDecoder, type Resolution } from './state';

export interface DecoderFacts {
  decoder: ComparedDecoder;
  /** Learnt parameters of the decoder alone (the encoder is shared). */
  decoderParameters: number;
  encoderParameters: number;
  /** What is kept from the encoder, in words, and its bytes for one image. */
  storedWhat: string;
  storedBytes: number;
  /** Bytes of every encoder feature map, what keeping the maps themselves would cost. */
  featureMapBytes: number;
}

/** Every compared decoder's facts at one input size. */
export interface SizeFacts {
  height: number;
  width: number;
  decoders: DecoderFacts[];
}

export type FactsTable = Record<Resolution, SizeFacts>;

/** The facts of one decoder, from a memory report and the decoder's parameter count. */
export function decoderFacts(decoder: ComparedDecoder, report: MemoryReport, count: ParameterCount): DecoderFacts {
  const memory = report.decoders.find((d) => d.decoder === decoder);
  if (!memory) throw new Error(`decoderFacts: the memory report has no decoder '${decoder}'`);
  return {
    decoder,
    decoderParameters: count.decoder,
    encoderParameters: count.encoder,
    storedWhat: memory.stored.what,
    storedBytes: memory.stored.bytes,
    featureMapBytes: report.encoderFeatureBytes,
  };
}

/** What the shell passes in: the engine's two functions (kept as parameters so this file needs no TF.js). */
export interface FactSources {
  memoryReport: (options: { encoder: 'basic'; decoder: ComparedDecoder; height: number; width: number }) => MemoryReport;
  countParameters: (options: { encoder: 'basic'; decoder: ComparedDecoder; height: number; width: number }) => ParameterCount;
}

/** Facts of every compared decoder at input size `s`. */
export function factsAt(sources: FactSources, s: { height: number; width: number }): SizeFacts {
  const report = sources.memoryReport({ encoder: 'basic', decoder: 'segnet', height: s.height, width: s.width });
  const decoders = COMPARED_DECODERS.map((d) => decoderFacts(d, report, sources.countParameters({ encoder: 'basic', decoder: d, height: s.height, width: s.width })));
  return { height: s.height, width: s.width, decoders };
}

/** Facts of every compared decoder at every resolution; `size` gives a resolution's input size. */
export function factsTable(sources: FactSources, size: (r: Resolution) => { height: number; width: number }): FactsTable {
  return Object.fromEntries(RESOLUTIONS.map((r) => [r, factsAt(sources, size(r))])) as FactsTable;
}

/** Bytes in a short human form: 1.2 kB, 3.4 MB (powers of 1000). */
export function formatBytes(bytes: number): string {
  if (bytes === 0) return '0 B';
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1e6) return `${(bytes / 1000).toFixed(1)} kB`;
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

/** Reads the facts table the shell wrote into `data-facts`; throws naming what is wrong. */
export function parseFacts(text: string | undefined): FactsTable {
  if (!text) throw new Error('<decoder-comparison> has no data-facts');
  const parsed = JSON.parse(text) as Partial<FactsTable>;
  for (const r of RESOLUTIONS) {
    const entry = parsed[r];
    if (!entry || !Array.isArray(entry.decoders) || entry.decoders.length !== COMPARED_DECODERS.length) {
      throw new Error(`<decoder-comparison> has malformed data-facts for resolution '${r}'`);
    }
  }
  return parsed as FactsTable;
}
