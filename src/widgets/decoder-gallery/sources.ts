/**
 * Build-time only (imported by the .astro shell, never by browser code): which of the trained
 * decoders the site was built with, so that a page never requests a checkpoint that is not
 * there, and the frames they run on (the synthetic scenes at the decoders' size).
 */
import { existsSync } from 'node:fs';
import { DECODER_KINDS, type DecoderKind } from '../../segnet/core';
import { publicFile } from '../model/sources';
import type { GalleryCheckpoint } from './gallery-host';

/** The decoders' size and the dataset their frames come from. */
export const GALLERY_SIZE = '180x240';
export const GALLERY_DATASET = `synthetic-${GALLERY_SIZE}`;

/** Where each decoder's checkpoint is, relative to public/ (factory/plans/synthetic.json, exported with --encoder-from). */
export const galleryCheckpointPath = (decoder: DecoderKind): string => `models/${decoder}-decoder-synthetic-${GALLERY_SIZE}/model.json`;

/** The encoder they all read (their `encoderFrom`), relative to public/. */
export const GALLERY_ENCODER_PATH = `models/segnet-basic-synthetic-${GALLERY_SIZE}/model.json`;

export interface GallerySources {
  /** Folder URL of the frames' dataset. */
  dataUrl: string;
  /** The decoders this build has, in the gallery's order. */
  checkpoints: GalleryCheckpoint[];
  /** The decoders it lacks. */
  absent: DecoderKind[];
}

/** The gallery's order: the paper's subject first, then the learnt, the atrous, the unpooling and the fixed alternatives. */
export const GALLERY_ORDER: readonly DecoderKind[] = ['segnet', 'fcn', 'deeplab-largefov', 'deconvnet', 'bilinear'];

/** The sources as of this build; `base` is the site's base URL (import.meta.env.BASE_URL). */
export function gallerySources(base: string, root = process.cwd()): GallerySources {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const encoder = existsSync(publicFile(GALLERY_ENCODER_PATH, root));
  const order = GALLERY_ORDER.filter((d) => (DECODER_KINDS as readonly string[]).includes(d));
  const present = order.filter((d) => encoder && existsSync(publicFile(galleryCheckpointPath(d), root)));
  return {
    dataUrl: `${prefix}data/${GALLERY_DATASET}/`,
    checkpoints: present.map((decoder) => ({ decoder, url: `${prefix}${galleryCheckpointPath(decoder)}` })),
    absent: order.filter((d) => !present.includes(d)),
  };
}
