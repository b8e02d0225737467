/**
 * What the decoder gallery draws, as plain data: for one frame, the photograph, the ground truth
 * and each decoder's final label map, whole and through the lens (the same window in every
 * panel), with each decoder's mIoU and BF on the frame and inside the lens. No DOM here: the
 * element paints the RGBA arrays and places the lens box by its percentages.
 */
import { labelToRgba } from '../../data/palette';
import type { DecoderKind } from '../../segnet/core';
import { frameRgba } from '../shared/frame-thumbnails';
import { busiestCentre, lensWindow, windowCentre, type LensWindow, type Size } from './lens';
import { crop, frameScores, windowScores, type FrameScores } from './scores';
import type { Zoom } from './state';

export interface GalleryInput {
  frame: Size;
  /** H*W*3 RGB bytes. */
  image: Uint8Array;
  /** H*W true labels (0..10, 11 void). */
  truth: Uint8Array;
  /** Each decoder's predicted labels (H*W), or null while it has not run. */
  decoders: readonly { decoder: DecoderKind; labels: Uint8Array | null }[];
  zoom: Zoom;
  /** The lens's centre; null opens it on the frame's busiest true boundaries. */
  centre: { x: number; y: number } | null;
}

export type PanelKey = 'photo' | 'truth' | DecoderKind;

export interface GalleryPanel {
  key: PanelKey;
  /** The whole frame as RGBA (H*W*4); null for a decoder that has not run. */
  full: Uint8ClampedArray | null;
  /** The lens window as RGBA (h*w*4), to be drawn magnified; null with `full`. */
  lens: Uint8ClampedArray | null;
  /** A decoder's scores on the whole frame and inside the lens; null for the photo, the truth and a decoder not run. */
  scores: FrameScores | null;
  lensScores: FrameScores | null;
}

export interface GalleryView {
  frame: Size;
  window: LensWindow;
  /** The lens's centre as the URL keeps it. */
  centre: { x: number; y: number };
  /** The lens box over a whole-frame panel, in percent of the panel. */
  box: { left: number; top: number; width: number; height: number };
  panels: GalleryPanel[];
}

export function galleryView(input: GalleryInput): GalleryView {
  const { frame, image, truth, zoom } = input;
  const px = frame.height * frame.width;
  if (image.length !== px * 3) throw new Error(`galleryView: ${image.length} RGB bytes for a ${frame.height} x ${frame.width} frame`);
  if (truth.length !== px) throw new Error(`galleryView: ${truth.length} labels for a ${frame.height} x ${frame.width} frame`);
  const window = lensWindow(frame, zoom, input.centre ?? busiestCentre(truth, frame, zoom));
  const size = { height: window.height, width: window.width };
  const labelPanel = (key: PanelKey, labels: Uint8Array): Pick<GalleryPanel, 'key' | 'full' | 'lens'> => ({
    key,
    full: labelToRgba(labels, frame.width, frame.height),
    lens: labelToRgba(crop(labels, frame, window), size.width, size.height),
  });
  const panels: GalleryPanel[] = [
    { key: 'photo', full: frameRgba(image, frame.width, frame.height), lens: frameRgba(crop(image, frame, window, 3), size.width, size.height), scores: null, lensScores: null },
    { ...labelPanel('truth', truth), scores: null, lensScores: null },
    ...input.decoders.map(({ decoder, labels }): GalleryPanel => {
      if (!labels) return { key: decoder, full: null, lens: null, scores: null, lensScores: null };
      if (labels.length !== px) throw new Error(`galleryView: ${decoder} gave ${labels.length} labels for a ${frame.height} x ${frame.width} frame`);
      return { ...labelPanel(decoder, labels), scores: frameScores(truth, labels, frame), lensScores: windowScores(truth, labels, frame, window) };
    }),
  ];
  const percent = (v: number, of: number): number => (v / of) * 100;
  return {
    frame,
    window,
    centre: windowCentre(window),
    box: { left: percent(window.left, frame.width), top: percent(window.top, frame.height), width: percent(window.width, frame.width), height: percent(window.height, frame.height) },
    panels,
  };
}
