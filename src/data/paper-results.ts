/**
 * The SegNet paper's results (Badrinarayanan, Kendall, Cipolla: "SegNet: A Deep Convolutional
 * Encoder-Decoder Architecture for Image Segmentation", arXiv 1511.00561 v3), as plain data.
 * G = global pixel accuracy, C = class-average accuracy, mIoU = mean intersection over union,
 * BF = boundary F1 score, all in percent; void pixels count in none of them.
 */
import type { DecoderKind, EncoderKind } from '../segnet/core';

export interface PaperRow {
  variant: string;
  /** The engine's encoder and decoder that build this variant; null where the engine has no exact match. */
  encoder: EncoderKind | null;
  decoder: DecoderKind | null;
  /** The table's cost figures, in the order of its costColumns; null where not given or not applicable. */
  costs: (number | null)[];
  G: number;
  C: number;
  mIoU: number;
  BF: number;
}

/** A column of cost figures (size, memory, time). */
export interface CostColumn {
  label: string;
  /** Longer description, for the column header's title. */
  description: string;
  digits: number;
}

export interface PaperTable {
  id: 'table1' | 'table3';
  title: string;
  /** How the numbers were obtained. */
  setting: string;
  costColumns: CostColumn[];
  rows: PaperRow[];
}

/** Table 1: the SegNet-Basic family on CamVid test, 360 x 480, median-frequency class weights. */
export const PAPER_TABLE_1: PaperTable = {
  id: 'table1',
  title: 'Table 1: decoder variants with the SegNet-Basic encoder',
  setting: 'CamVid test set, 360 × 480, median-frequency class balancing; inference time on a Titan GPU',
  costColumns: [
    { label: 'Params (M)', description: 'learnt parameters, millions', digits: 3 },
    { label: 'Storage ×', description: 'encoder memory kept for the decoder, relative to SegNet’s 2-bit indices', digits: 0 },
    { label: 'Infer (ms)', description: 'inference time per image', digits: 1 },
  ],
  rows: [
    { variant: 'Bilinear-Interpolation', encoder: 'basic', decoder: 'bilinear', costs: [0.625, 0, 24.2], G: 77.9, C: 61.1, mIoU: 43.3, BF: 20.83 },
    { variant: 'SegNet-Basic', encoder: 'basic', decoder: 'segnet', costs: [1.425, 1, 52.6], G: 82.7, C: 62.0, mIoU: 47.7, BF: 35.78 },
    { variant: 'SegNet-Basic-EncoderAddition', encoder: null, decoder: null, costs: [1.425, 64, 53.0], G: 83.4, C: 63.6, mIoU: 48.5, BF: 35.92 },
    { variant: 'SegNet-Basic-SingleChannelDecoder', encoder: null, decoder: null, costs: [0.625, 1, 33.1], G: 81.2, C: 60.7, mIoU: 46.1, BF: 31.62 },
    { variant: 'FCN-Basic', encoder: 'basic', decoder: 'fcn', costs: [0.65, 11, 24.2], G: 81.7, C: 62.4, mIoU: 47.3, BF: 38.11 },
    { variant: 'FCN-Basic-NoAddition', encoder: null, decoder: null, costs: [0.65, null, 23.8], G: 80.5, C: 58.6, mIoU: 44.1, BF: 31.96 },
    { variant: 'FCN-Basic-NoDimReduction', encoder: null, decoder: null, costs: [1.625, 64, 44.8], G: 84.1, C: 63.4, mIoU: 50.1, BF: 37.37 },
  ],
};

/**
 * Table 3: the full networks, trained on a larger road-scene set and tested on CamVid; their
 * sizes and speed from Table 6 (batch 1, 360 x 480, Caffe on a Titan GPU).
 */
export const PAPER_TABLE_3: PaperTable = {
  id: 'table3',
  title: 'Table 3: the full networks (VGG16 encoder)',
  setting: 'trained on a larger set of road scenes, tested on CamVid; model size, inference memory and forward time from Table 6 (batch 1, 360 × 480, Titan GPU)',
  costColumns: [
    { label: 'Model (MB)', description: 'size of the trained model', digits: 0 },
    { label: 'Memory (MB)', description: 'GPU memory during inference', digits: 0 },
    { label: 'Forward (ms)', description: 'forward pass time per image', digits: 1 },
  ],
  rows: [
    { variant: 'SegNet', encoder: 'vgg16', decoder: 'segnet', costs: [117, 1052, 422.5], G: 90.4, C: 71.2, mIoU: 60.1, BF: 46.84 },
    { variant: 'DeepLab-LargeFOV', encoder: 'vgg16', decoder: 'deeplab-largefov', costs: [83, 1993, 110.1], G: 88.2, C: 62.53, mIoU: 53.88, BF: 32.77 },
    { variant: 'FCN (learnt deconv)', encoder: 'vgg16', decoder: 'fcn', costs: [539, 1806, 317.1], G: 83.14, C: 64.21, mIoU: 51.96, BF: 33.18 },
    { variant: 'DeconvNet', encoder: 'vgg16', decoder: 'deconvnet', costs: [877, 1872, 474.7], G: 89.58, C: 70.24, mIoU: 59.77, BF: 52.23 },
  ],
};

export const PAPER_TABLES: readonly PaperTable[] = [PAPER_TABLE_1, PAPER_TABLE_3];
