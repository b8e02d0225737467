/**
 * The words of the figures drawn by code (src/figures): what each shows for screen readers,
 * its legend ([colour name in figures.css (--figure-NAME), words]), caption and the labels
 * drawn inside it. Layouts and numbers stay in src/figures, shared by both editions.
 */
export const figures = {
  segnet: {
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
    ] as ReadonlyArray<readonly [string, string]>,
    caption:
      'SegNet in one picture: block heights follow the size of each layer’s output. Nothing but the pooling indices (dashed) ' +
      'passes from the encoder to the decoder besides the last map.',
    labels: {
      poolingIndices: 'pooling indices',
      encoder: 'Encoder',
      decoder: 'Decoder',
      inputImage: 'Input image',
      image: 'Image',
      labelMap: 'Label map',
      labels: 'Labels',
      softmax: 'softmax',
    },
  },
  fcn: {
    alt:
      'FCN-8s: the image passes five poolings down to 1/32 of its size, then VGG16’s fully connected layers written as convolutions ' +
      'and a 1 × 1 convolution to class scores. The scores are upsampled by 2, added to 1 × 1 scores of pool4, upsampled by 2 again, ' +
      'added to scores of pool3, and upsampled by 8 to a label map of the input’s size.',
    legend: [
      ['pool', 'convolutions ending in a pooling'],
      ['conv', 'fully connected layers as convolutions'],
      ['score', '1 × 1 convolution to class scores'],
      ['upsample', 'learnt upsampling (transposed convolution)'],
    ] as ReadonlyArray<readonly [string, string]>,
    caption:
      'FCN-8s: class scores at 1/32 of the input come back up in three learnt upsamplings, picking up scores of the finer pool4 ' +
      'and pool3 maps on the way (the skip connections).',
    labels: {
      image: 'image',
      labels: 'labels',
      /** The box of class scores, after fc6–7. */
      score: 'score',
      /** Under fc6–7: the fully connected layers rewritten as convolutions. */
      asConv: 'as conv',
    },
  },
};
