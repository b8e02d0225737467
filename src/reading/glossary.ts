/**
 * The glossary: every term a chapter introduces, defined in a sentence or two, with the chapter
 * that explains it. <Term id="..."> links a term's first use in a chapter here; the glossary page
 * lists them all. Strings only, so that a translated edition can replace this file whole.
 */

export interface GlossaryEntry {
  /** Anchor on the glossary page, and the id a <Term> names. */
  id: string;
  term: string;
  definition: string;
  /** Id of the chapter that introduces the term (see src/components/chapter-id.ts). */
  chapter: string;
}

export const GLOSSARY: readonly GlossaryEntry[] = [
  { id: 'semantic-segmentation', term: 'Semantic segmentation', chapter: 'pixels', definition: 'Giving every pixel of an image a class, such as road, car or sky. Pixels of the same class share a label whether they belong to one object or several.' },
  { id: 'label-map', term: 'Label map', chapter: 'pixels', definition: 'An image as large as the input in which each pixel holds a class instead of a colour: the output of semantic segmentation, or its ground truth.' },
  { id: 'void', term: 'Void', chapter: 'pixels', definition: 'The label of pixels that carry no class (in CamVid, those the annotators left unassigned). Training ignores them and no score counts them.' },
  { id: 'softmax', term: 'Softmax', chapter: 'pixels', definition: 'The function that turns a vector of scores into probabilities that are positive and add up to one; the largest score gets the largest probability.' },
  { id: 'fully-connected-layer', term: 'Fully connected layer', chapter: 'fully-convolutional', definition: 'A layer with one weight for every pair of input and output numbers. Its input length is fixed when it is built, and it discards where in the image a feature was.' },
  { id: 'fully-convolutional-network', term: 'Fully convolutional network (FCN)', chapter: 'fully-convolutional', definition: 'A network made only of convolutions and poolings, so that it accepts images of any size and answers with a map of predictions instead of one answer.' },
  { id: 'one-by-one-convolution', term: '1 × 1 convolution', chapter: 'fully-convolutional', definition: 'A convolution that mixes the channels at each position separately: the same matrix applied to the feature vector of every pixel, for example to turn features into class scores.' },
  { id: 'transposed-convolution', term: 'Transposed convolution', chapter: 'fully-convolutional', definition: 'A learnt upsampling layer: every input cell adds its value times the kernel onto the output, stride cells apart. Often called deconvolution.' },
  { id: 'checkerboard-artefacts', term: 'Checkerboard artefacts', chapter: 'fully-convolutional', definition: 'A regular pattern left by a transposed convolution whose kernel size is not a multiple of its stride, because neighbouring output cells receive different numbers of stamps.' },
  { id: 'skip-connection', term: 'Skip connection', chapter: 'fully-convolutional', definition: 'A path that carries an earlier, finer layer’s output past the coarse layers to the decoder, which adds or joins it to bring back detail.' },
  { id: 'encoder', term: 'Encoder', chapter: 'architecture', definition: 'The first half of a segmentation network: convolutions and poolings that turn the image into small feature maps saying what is in each region.' },
  { id: 'decoder', term: 'Decoder', chapter: 'architecture', definition: 'The second half: layers that turn the encoder’s small maps back into maps as large as the input, for the pixel-wise classifier.' },
  { id: 'pooling-indices', term: 'Pooling indices', chapter: 'architecture', definition: 'For every 2 × 2 max-pooling window, which of its four cells held the maximum: two bits in principle, a 32-bit integer as frameworks hold it. SegNet’s decoder unpools with them.' },
  { id: 'receptive-field', term: 'Receptive field', chapter: 'architecture', definition: 'The patch of the input image that one value of a feature map depends on. Pooling and dilation make it grow.' },
  { id: 'batch-normalisation', term: 'Batch normalisation', chapter: 'encoder-stage', definition: 'Normalising each channel by its mean and standard deviation over a batch, then applying a learnt scale and shift; it makes training far less sensitive to initial weights and learning rate.' },
  { id: 'relu', term: 'ReLU', chapter: 'encoder-stage', definition: 'The rectified linear unit, max(0, x): it keeps positive values, sets negative ones to zero, and makes a stack of convolutions more than one linear filter.' },
  { id: 'max-pooling', term: 'Max pooling', chapter: 'encoder-stage', definition: 'Replacing each window of a feature map (here 2 × 2, stride 2) with its largest value, halving height and width.' },
  { id: 'unpooling', term: 'Unpooling', chapter: 'unpooling', definition: 'SegNet’s upsampling: a map twice the size, filled with zeros, with every pooled value written back at the position its index recorded. It has no weights.' },
  { id: 'atrous-convolution', term: 'Atrous (dilated) convolution', chapter: 'atrous', definition: 'A convolution whose taps are spaced rate pixels apart, so that a small kernel covers a wide patch without pooling and without more weights.' },
  { id: 'boundary-f1', term: 'Boundary F1 score (BF)', chapter: 'why-it-matters', definition: 'The harmonic mean of boundary precision and recall: how many predicted boundary pixels lie within a small tolerance of a true boundary of the same class, and the reverse; averaged over the classes of a frame.' },
  { id: 'miou', term: 'Mean intersection over union (mIoU)', chapter: 'why-it-matters', definition: 'For each class, the overlap of predicted and true regions divided by their union, averaged over the classes.' },
  { id: 'class-weights', term: 'Class weights', chapter: 'train-it-yourself', definition: 'Factors that make the loss of rare classes count more in training. SegNet uses median-frequency balancing: a class’s weight is the median class frequency divided by its own.' },
];

/** The entry of an id; throws naming the id when there is none (a typo in an MDX <Term>). */
export function glossaryEntry(id: string): GlossaryEntry {
  const entry = GLOSSARY.find((e) => e.id === id);
  if (!entry) throw new Error(`no glossary entry "${id}" (src/reading/glossary.ts)`);
  return entry;
}
