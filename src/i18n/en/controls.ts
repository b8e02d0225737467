/** Controls shared by several widgets: the step player and the pooling example's choice. */
export const controls = {
  back: 'Back',
  play: 'Play',
  next: 'Step',
  scrub: 'Step',
  /** The scrubber's spoken value. */
  stepOf: (step: number, last: number) => `step ${step} of ${last}`,
  exampleSeed: 'Example seed',
  size: 'Size',
  /** The x axis of a chart over training steps. */
  stepAxis: 'step',
};
