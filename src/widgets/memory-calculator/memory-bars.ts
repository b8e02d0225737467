/**
 * View-ready numbers of the memory calculator, from src/segnet's memoryReport: what each way
 * of recovering resolution keeps from the encoder, in bytes and relative to SegNet's 2-bit
 * indices, plus each decoder's parameters and activations.
 */
import type { DecoderKind, MemoryReport } from '../../segnet';
import { DECODER_LABELS } from '../../segnet/core';

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

/** The decoders' names, as everywhere on the site. */
export const DECODER_NAMES: Readonly<Record<DecoderKind, string>> = DECODER_LABELS;

export function memoryView(report: MemoryReport): MemoryView {
  const indexBytes = report.indices.paperBytes;
  const of = (d: DecoderKind) => report.decoders.find((x) => x.decoder === d)!;
  const bar = (key: string, label: string, what: string, bytes: number): StorageBar => ({ key, label, what, bytes, relative: bytes / indexBytes });
  const c = report.config;
  const encoderName = c.encoder === 'basic' ? 'SegNet-Basic encoder' : `VGG16 encoder × ${c.widthMultiplier}`;
  return {
    title: `${encoderName}, ${c.height} × ${c.width} input, one image`,
    bars: [
      bar('indices', 'SegNet, DeconvNet', 'indices, 2 bits each', indexBytes),
      bar('fcn', 'FCN', 'skip score maps, float32', of('fcn').stored.bytes),
      bar('encoder', 'Encoder addition', 'feature maps, float32', report.encoderFeatureBytes),
    ],
    keepNothing: ['deeplab-largefov', 'bilinear'].map((d) => DECODER_NAMES[d as DecoderKind]),
    rows: report.decoders.map((d) => ({
      decoder: d.decoder,
      name: DECODER_NAMES[d.decoder],
      stored: d.stored.what,
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

/** The live caption: what SegNet keeps, against keeping every encoder feature map. */
export function memorySentence(view: MemoryView): string {
  const indices = view.bars.find((b) => b.key === 'indices')!;
  const encoder = view.bars.find((b) => b.key === 'encoder')!;
  return (
    `${view.title}: SegNet keeps ${formatCount(indices.bytes)} bytes of indices; ` +
    `keeping every encoder feature map instead would take ${Math.round(encoder.relative)} times as much.`
  );
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
