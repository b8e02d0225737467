/** The label overlay (chapter 1): class names, controls, the frame, the probe, the legend, captions. */
export const labelOverlay = {
  /** CamVid's classes by label 0..10 (the same as src/data's CLASS_NAMES; a test holds them equal). */
  classNames: ['Sky', 'Building', 'Pole', 'Road', 'Pavement', 'Tree', 'SignSymbol', 'Fence', 'Car', 'Pedestrian', 'Bicyclist'],
  /** Void pixels (label 11). */
  voidName: 'Unlabelled',
  /** A label with no name (a model with more classes than CamVid's). */
  classFallback: (label: number) => `class ${label}`,
  sentences: (parts: string[]) => parts.join(' '),
  labels: 'Labels',
  groundTruth: 'ground truth',
  prediction: 'network’s prediction',
  opacity: 'Opacity',
  loadingFrames: 'Loading the road frames…',
  running: 'Running the network…',
  predictionWaiting: 'The prediction appears once the network has run.',
  failed: (error: string) => `The network failed on this frame: ${error}`,
  frame: (n: number) => `Road frame ${n}`,
  frameColoured: (n: number, truth: boolean) =>
    `Road frame ${n} coloured by ${truth ? 'its ground-truth labels' : 'the network’s predicted labels'}`,
  sceneHelp: (frame: string) => `${frame}. Point at a pixel, or use the arrow keys (Shift: 8 pixels), to probe it.`,
  truthCaption: (opacity: number) =>
    `Ground truth: the class the scene generator drew at every pixel, laid over the frame at ${opacity}% opacity. ` +
    `Striped pixels are void, left unlabelled as CamVid leaves them.`,
  predictionPending: 'The network’s prediction appears here once it has run.',
  /** `share`: "87%", or null when no pixel is labelled. */
  predictionCaption: (share: string | null) =>
    `The network’s prediction: at every pixel, the class it finds most probable. It matches the ground truth on ${share ?? 'none'} of the labelled pixels.`,
  pixel: (x: number, y: number) => `Pixel (${x}, ${y})`,
  labelled: 'Labelled ',
  probabilities: 'Network’s class probabilities',
  probabilitiesPending: 'Appear once the network has run.',
  probeWhere: (x: number, y: number, name: string) => `Pixel column ${x}, row ${y}: labelled ${name}.`,
  probeWaiting: 'The network’s probabilities appear once it has run.',
  /** `classes`: "Road 61%" for each of the top classes. */
  probeNetwork: (classes: string[]) => `Network: ${classes.join(', ')}.`,
  legend: 'Classes and their share of this frame',
};
