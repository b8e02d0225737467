/** The decoder gallery (chapter 7): one frame through the five trained decoders, with a boundary lens. */
export const decoderGallery = {
  zoom: 'Lens',
  zoomOption: (zoom: number) => `${zoom}× closer`,
  photo: 'Photo',
  truth: 'Ground truth',
  decoders: {
    segnet: 'SegNet (indices)',
    fcn: 'FCN (learnt transposed conv.)',
    'deeplab-largefov': 'DeepLab-LargeFOV (atrous)',
    deconvnet: 'DeconvNet (indices, transposed conv.)',
    bilinear: 'Bilinear (fixed)',
  } as Record<string, string>,
  /** Under a decoder's label map, a small table: its scores on the whole frame and inside the lens. */
  scoresLabel: (name: string) => `${name}: mIoU and BF on the frame and inside the lens`,
  frameRow: 'frame',
  lensRow: 'lens',
  notInBuild: 'not in this build',
  running: (count: number) => `Running the ${count} decoders on this frame…`,
  waiting: 'The decoders run once the widget is in view.',
  failed: (error: string) => `The decoders could not run: ${error}`,
  lensArea: (x: number, y: number, zoom: number) =>
    `Boundary lens at pixel (${x}, ${y}), ${zoom} times closer. Arrow keys move it, Shift with an arrow moves it further, plus and minus change the magnification.`,
  lensLabel: (name: string) => `${name}, inside the lens`,
  wholeLabel: (name: string) => `${name}, whole frame`,
  caption: (frame: number, tolerance: string) =>
    `Road frame ${frame} of the synthetic validation set, as each decoder labels it; the square marks the lens, magnified below each picture. mIoU: the mean over the classes in the ground truth of the overlap of predicted and true pixels divided by their union. BF: the boundary F1 score, where a predicted boundary pixel counts when a true boundary of its class lies within ${tolerance} pixels (0.75% of the diagonal). Inside the lens both are computed on the lens's pixels alone.`,
  summary: (count: number) => `${count} decoders trained on the synthetic scenes, on one shared SegNet-Basic encoder`,
  noDecoders: 'This build has no trained decoders: run the factory\'s synthetic plan and export them (README, "Pretrained checkpoints").',
};
