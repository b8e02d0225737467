/** The home page's labelled road frame. */
export const homeFigure = {
  intro: 'A road scene labelled pixel by pixel by the SegNet that runs on this site: every colour is a class, such as road, pavement, building or car. ',
  next: 'Label another street',
  live: (frame: number, count: number, accuracy: number, backend: string, ms: number) =>
    `Labelled just now in your browser (${backend}, ${ms} ms): road frame ${frame} of ${count}. It matches the ground truth on ${accuracy}% of the labelled pixels.`,
  alt: (frame: number) => `Road frame ${frame} with the network’s predicted classes laid over it.`,
  failed: (reason: string) => `The network could not label this frame (${reason}).`,
};
