/**
 * The figures drawn by code, by name: layout, words for screen readers, legend and caption.
 * <CodeFigure figure="segnet" /> draws one; the words live here, in one place to translate.
 */
import type { FigureLayouts } from './drawing';
import { fcnFigure } from './fcn-figure';
import { segnetFigure } from './segnet-figure';

export interface FigureSpec {
  layouts: () => FigureLayouts;
  /** What the figure shows, for screen readers. */
  alt: string;
  /** What each colour means: [colour name in figures.css (--figure-NAME), words]. */
  legend: ReadonlyArray<readonly [string, string]>;
  caption: string;
}

export const FIGURES = {
  segnet: {
    layouts: segnetFigure,
    alt:
      'SegNet: an input image enters an encoder of five stages of convolutions, each ending in a max pooling that halves the map; ' +
      'a mirrored decoder of five stages, each starting with unpooling, grows it back; a softmax labels every pixel. ' +
      'Dashed arrows carry the pooling indices from each pooling layer to the unpooling layer of the same stage.',
    legend: [
      ['conv', 'conv + batch norm + ReLU'],
      ['pool', 'max pooling (keeps indices)'],
      ['unpool', 'unpooling with the indices'],
      ['decoder', 'decoder conv + batch norm + ReLU'],
      ['softmax', 'softmax classifier'],
    ],
    caption:
      'SegNet in one picture: block heights follow the size of each layer’s output. Nothing but the pooling indices (dashed) ' +
      'passes from the encoder to the decoder besides the last map.',
  },
  fcn: {
    layouts: fcnFigure,
    alt:
      'FCN-8s: the image passes five poolings down to 1/32 of its size, then VGG16’s fully connected layers written as convolutions ' +
      'and a 1 × 1 convolution to class scores. The scores are upsampled by 2, added to 1 × 1 scores of pool4, upsampled by 2 again, ' +
      'added to scores of pool3, and upsampled by 8 to a label map of the input’s size.',
    legend: [
      ['pool', 'convolutions ending in a pooling'],
      ['conv', 'fully connected layers as convolutions'],
      ['score', '1 × 1 convolution to class scores'],
      ['upsample', 'learnt upsampling (transposed convolution)'],
    ],
    caption:
      'FCN-8s: class scores at 1/32 of the input come back up in three learnt upsamplings, picking up scores of the finer pool4 ' +
      'and pool3 maps on the way (the skip connections).',
  },
} as const satisfies Record<string, FigureSpec>;

export type FigureName = keyof typeof FIGURES;
