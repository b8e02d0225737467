/**
 * View-ready numbers of the memory calculator, from src/segnet's memoryReport: what each way
 * of recovering resolution keeps from the encoder, in bytes and relative to SegNet's 2-bit
 * indices, plus each decoder's parameters and activations.
 */
import { messages, type Messages } from '../../i18n';
import type { DecoderKind, MemoryReport } from '../../segnet';

type Words = Messages['memoryCalculator'];
const ENGLISH: Words = messages('en').memoryCalculator;

export interface StorageBar {
  key: string;
  /** Who keeps this. */
  label: string;
  /** What is kept, in a few words. */
  what: string;
  bytes: number;
  /** bytes / SegNet's index bytes. */
  relative: number;
}

export interface DecoderRow {
  decoder: DecoderKind;
  name: string;
  stored: string;
  storedBytes: number;
  relative: number;
  parameters: number;
  parameterBytes: number;
  activationBytes: number;
}

export interface MemoryView {
  title: string;
  bars: StorageBar[];
  /** Decoders that keep nothing (drawn as a note, since 0 has no place on a log scale). */
  keepNothing: string[];
  rows: DecoderRow[];
  windows: number;
  /** Bytes of the indices as this engine holds them (one int32 per window). */
  heldIndexBytes: number;
}

export function memoryView(report: MemoryReport, t: Words = ENGLISH): MemoryView {
  const indexBytes = report.indices.paperBytes;
  const of = (d: DecoderKind) => report.decoders.find((x) => x.decoder === d)!;
  const bar = (key: keyof Words['bars'], bytes: number): StorageBar => ({ key, ...t.bars[key], bytes, relative: bytes / indexBytes });
  const c = report.config;
  const encoderName = c.encoder === 'basic' ? t.basicEncoder : t.vggEncoder(c.widthMultiplier);
  return {
    title: t.title(encoderName, c.height, c.width),
    bars: [
      bar('indices', indexBytes),
      bar('held', report.indices.heldBytes),
      bar('fcn', of('fcn').stored.bytes),
      bar('encoder', report.encoderFeatureBytes),
    ],
    keepNothing: (['deeplab-largefov', 'bilinear'] as const).map((d) => t.decoderNames[d]),
    rows: report.decoders.map((d) => ({
      decoder: d.decoder,
      name: t.decoderNames[d.decoder],
      stored: t.keeps[d.decoder],
      storedBytes: d.stored.bytes,
      relative: d.storageRelativeToIndices,
      parameters: d.parameters,
      parameterBytes: d.parameterBytes,
      activationBytes: d.activationBytes,
    })),
    windows: report.indices.windows,
    heldIndexBytes: report.indices.heldBytes,
  };
}

/**
 * The live caption: what SegNet keeps, at 2 bits per window in principle and at one int32 per
 * window as this engine (like most frameworks) holds it, against every encoder feature map.
 */
export function memorySentence(view: MemoryView, t: Words = ENGLISH): string {
  const indices = view.bars.find((b) => b.key === 'indices')!;
  const encoder = view.bars.find((b) => b.key === 'encoder')!;
  return t.sentence({
    title: view.title,
    indexBytes: formatCount(indices.bytes),
    heldBytes: formatCount(view.heldIndexBytes),
    first: Math.round(encoder.relative),
    second: Math.round(encoder.bytes / view.heldIndexBytes),
  });
}

/** Bytes in SI units: "918.2 kB", "58.75 MB", "0 B". */
export function formatBytes(bytes: number): string {
  if (bytes === 0) return '0 B';
  const units = ['B', 'kB', 'MB', 'GB'];
  let u = 0;
  let v = bytes;
  while (v >= 1000 && u < units.length - 1) {
    v /= 1000;
    u++;
  }
  return `${u === 0 ? v : v.toPrecision(4).replace(/\.?0+$/, '')} ${units[u]}`;
}

/** "× 2.72", "× 64", "× 1". */
export function formatRelative(r: number): string {
  return `× ${r >= 10 || Number.isInteger(r) ? Math.round(r).toLocaleString('en-US') : r.toPrecision(3)}`;
}

export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}
