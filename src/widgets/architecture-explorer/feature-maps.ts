/**
 * Feature maps as small images: one channel of a layer's output, scaled from its own minimum
 * (black) to its maximum (white), and for pooling layers the index map, each pooled cell
 * coloured by where in its 2x2 window the maximum was.
 */
import { messages, type Messages } from '../../i18n';
import { channelPlane, type LayerData } from '../model';
import type { ArchLayer } from './layers';

export interface Tile {
  label: string;
  width: number;
  height: number;
  rgba: Uint8ClampedArray;
  kind: 'values' | 'indices' | 'colour';
  /** Pooling layers: the channel a value map or an index map belongs to (the pair is shown large together). */
  channel?: number;
}

/** Window positions 0..3 (top-left, top-right, bottom-left, bottom-right): Okabe–Ito colours. */
export const INDEX_COLOURS: readonly (readonly [number, number, number])[] = [
  [230, 159, 0],
  [86, 180, 233],
  [0, 158, 115],
  [204, 121, 167],
];

type Words = Messages['architectureExplorer'];
const ENGLISH: Words = messages('en').architectureExplorer;

/** Greyscale RGBA of a plane, min -> black, max -> white (a constant plane is mid grey). */
export function greyscaleRgba(plane: Float32Array): { rgba: Uint8ClampedArray; min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (const v of plane) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const span = max - min;
  const rgba = new Uint8ClampedArray(plane.length * 4);
  plane.forEach((v, i) => {
    const g = span > 0 ? Math.round((255 * (v - min)) / span) : 128;
    rgba.set([g, g, g, 255], i * 4);
  });
  return { rgba, min, max };
}

/** Greyscale RGBA of |values|: 0 -> black, the largest magnitude -> white (zeros stand out in sparse maps). */
export function magnitudeRgba(plane: Float32Array): Uint8ClampedArray {
  let max = 0;
  for (const v of plane) max = Math.max(max, Math.abs(v));
  const rgba = new Uint8ClampedArray(plane.length * 4);
  plane.forEach((v, i) => {
    const g = max > 0 ? Math.round((255 * Math.abs(v)) / max) : 0;
    rgba.set([g, g, g, 255], i * 4);
  });
  return rgba;
}

/** RGBA of an index plane: each cell in the colour of its window position. */
export function indexRgba(plane: Float32Array): Uint8ClampedArray {
  const rgba = new Uint8ClampedArray(plane.length * 4);
  plane.forEach((v, i) => {
    const c = INDEX_COLOURS[v] ?? [0, 0, 0];
    rgba.set([c[0], c[1], c[2], 255], i * 4);
  });
  return rgba;
}

/** Fraction of values that are exactly zero (unpooled maps: about three in four). */
export function zeroShare(values: Float32Array): number {
  let zeros = 0;
  for (const v of values) if (v === 0) zeros++;
  return values.length > 0 ? zeros / values.length : 0;
}

/**
 * Tiles for a layer: the first `count` channels; for pooling layers the first count/2 channels
 * each followed by its index map; for the classifier one score map per class, by name.
 */
export function featureTiles(data: LayerData, layer: ArchLayer, count: number, t: Words = ENGLISH): Tile[] {
  const { width, height, channels, values, indices } = data;
  const tile = (c: number, label: string): Tile => {
    const plane = channelPlane(values, channels, c);
    // Unpooled maps: magnitudes from 0, so the three zeros of every window show as black.
    const rgba = layer.kind === 'unpool' ? magnitudeRgba(plane) : greyscaleRgba(plane).rgba;
    return { label, width, height, rgba, kind: 'values' };
  };
  if (layer.kind === 'pool' && indices) {
    const n = Math.min(channels, Math.ceil(count / 2));
    return Array.from({ length: n }, (_, c) => [
      { ...tile(c, t.channel(c + 1)), channel: c },
      { label: t.itsIndices, width, height, rgba: indexRgba(channelPlane(indices, channels, c)), kind: 'indices' as const, channel: c },
    ]).flat();
  }
  if (layer.kind === 'classifier') {
    return Array.from({ length: channels }, (_, c) => tile(c, t.classNames[c] ?? t.classFallback(c + 1)));
  }
  return Array.from({ length: Math.min(channels, count) }, (_, c) => tile(c, t.channel(c + 1)));
}

/**
 * Shares of a pooling layer's 2x2 windows whose four values are all zero, and of index cells
 * that point top left (0), over every channel or one. The pool follows a ReLU, so a pooled value
 * of 0 means the whole window was 0: every member ties for the maximum, and the engine's tie
 * rule (the first in window order wins) makes its index top left.
 */
export function poolWindowStats(data: Pick<LayerData, 'values' | 'indices' | 'channels'>, channel?: number): { allZero: number; topLeft: number } {
  const { values, indices, channels } = data;
  let windows = 0;
  let zeros = 0;
  let topLeft = 0;
  for (let i = 0; i < values.length; i++) {
    if (channel !== undefined && i % channels !== channel) continue;
    windows++;
    if (values[i] === 0) zeros++;
    if (indices?.[i] === 0) topLeft++;
  }
  return windows === 0 ? { allZero: 0, topLeft: 0 } : { allZero: zeros / windows, topLeft: topLeft / windows };
}

/** The tiles shown large for the selected one: a pooled map with its index map, else the tile alone. */
export function largeTiles(tiles: readonly Tile[], selected: number): Tile[] {
  const tile = tiles[Math.min(Math.max(0, selected), tiles.length - 1)];
  if (!tile) return [];
  return tile.channel === undefined ? [tile] : tiles.filter((x) => x.channel === tile.channel);
}

/** The sentence under the large maps of a pooling layer: that channel's windows. */
export function largeNote(data: LayerData | null, tiles: readonly Tile[], selected: number, t: Words = ENGLISH): string {
  const shown = largeTiles(tiles, selected);
  const channel = shown[0]?.channel;
  if (!data?.indices || channel === undefined) return '';
  const { allZero, topLeft } = poolWindowStats(data, channel);
  return t.channelWindows(shown[0]!.label, Math.round(allZero * 100), Math.round(topLeft * 100));
}

/** The input frame in colour and its red, green and blue channels. */
export function inputTiles(image: Uint8Array, width: number, height: number, t: Words = ENGLISH): Tile[] {
  const px = width * height;
  const colour = new Uint8ClampedArray(px * 4);
  for (let i = 0; i < px; i++) colour.set([image[i * 3]!, image[i * 3 + 1]!, image[i * 3 + 2]!, 255], i * 4);
  const channel = (k: number, label: string): Tile => {
    const rgba = new Uint8ClampedArray(px * 4);
    for (let i = 0; i < px; i++) {
      const v = image[i * 3 + k]!;
      rgba.set([v, v, v, 255], i * 4);
    }
    return { label, width, height, rgba, kind: 'values' };
  };
  return [{ label: t.colour, width, height, rgba: colour, kind: 'colour' }, ...t.rgb.map((name, k) => channel(k, name))];
}

/** The sentence over the tiles. */
export function tilesCaption(layer: ArchLayer, data: LayerData | null, frame: number, count: number, t: Words = ENGLISH): string {
  if (layer.kind === 'input') return t.inputCaption(frame + 1);
  if (!data) return '';
  if (layer.kind === 'classifier') return t.classifierCaption(frame + 1, data.channels);
  const shown = layer.kind === 'pool' ? Math.min(data.channels, Math.ceil(count / 2)) : Math.min(data.channels, count);
  if (layer.kind === 'pool') {
    const caption = t.poolCaption(shown, data.channels, frame + 1);
    if (!data.indices) return caption;
    const { allZero, topLeft } = poolWindowStats(data);
    return caption + t.poolWindows(Math.round(allZero * 100), data.channels, Math.round(topLeft * 100));
  }
  if (layer.kind === 'unpool') return t.unpoolCaption(shown, data.channels, frame + 1, Math.round(zeroShare(data.values) * 100));
  return t.channelsCaption(shown, data.channels, frame + 1);
}
