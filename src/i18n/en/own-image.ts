/**
 * The own-image widget: the reader's picture, the camera, the files it refuses and why, which
 * part of the picture the network sees, and which network labels it.
 */

/** What the crop warning needs: the picture's shape and what happens to its centre. */
export interface CropFacts {
  /** The picture is wider than the input's aspect (else taller). */
  wider: boolean;
  /** Percent of the picture the network sees, when under a quarter; null otherwise. */
  keptPercent: number | null;
  cropWidth: number;
  cropHeight: number;
  /** How many times the centre is enlarged, when more than 4; null otherwise. */
  enlarged: number | null;
  targetWidth: number;
  targetHeight: number;
}

export const ownImage = {
  // Sizes
  bytes: (n: number) => `${n} byte${n === 1 ? '' : 's'}`,
  megapixels: (value: string) => `${value} megapixels`,
  // Files refused
  expected: (formats: readonly string[]) => `a ${formats.slice(0, -1).join(', ')} or ${formats.at(-1)} picture`,
  empty: (name: string, expected: string) => `“${name}” is empty (0 bytes): expected ${expected}.`,
  tooLarge: (name: string, size: string, limit: string) => `“${name}” is ${size}, larger than the ${limit} this page reads: use a smaller copy.`,
  /** `type` is the browser's MIME type ('' when none); `claimsImage` when it says image/ but the bytes do not. */
  notImage: (name: string, type: string, size: string, claimsImage: boolean, expected: string) =>
    `“${name}”${type ? ` (${type}, ${size})` : ` (${size})`} is not an image${claimsImage ? ': its name says image, but its contents are not one' : ''}. Expected ${expected}.`,
  noPixels: (name: string, width: number, height: number) => `“${name}” has no pixels (${height} × ${width}).`,
  tooManyPixels: (name: string, width: number, height: number, pixels: string, limit: string) =>
    `“${name}” is ${height} × ${width} pixels (${pixels}), more than the ${limit} this page decodes: use a smaller copy.`,
  decodeFailure: (name: string, format: string) => `“${name}” starts like a ${format} file but could not be decoded: it may be damaged or cut short.`,
  unreadable: (name: string, error: string) => `“${name}” could not be read (${error}).`,
  noCanvas: 'this browser gives no 2D canvas to decode pictures with',
  nothingDropped: 'Nothing readable was dropped: drop a picture file from your computer.',
  /** `others`: files dropped along with it and left aside. */
  reading: (name: string, others: number) =>
    `Reading “${name}”…${others > 0 ? ` (one picture at a time: the other ${others === 1 ? 'file is' : `${others} files are`} left aside)` : ''}`,
  previousStays: (message: string) => `${message} The previous picture stays.`,
  discardQuestion: (name: string) => `Discard your label edits? Showing “${name}” starts from the network’s labels again.`,
  keepEdits: 'Keep',
  discardEdits: 'Discard',
  editsKept: (name: string) => `Kept your label edits; “${name}” was not opened.`,
  showing: (name: string, warning: string | null) => (warning ? `Showing “${name}”. ${warning}` : `Showing “${name}”.`),
  // The part of the picture the network sees
  wholePicture: (width: number, height: number, targetWidth: number, targetHeight: number) =>
    `The whole picture (${height} × ${width} pixels) is used, scaled to ${targetHeight} × ${targetWidth}.`,
  /** `sidesCut`: the left and right edges are cut (else the top and bottom). */
  cropped: (cropWidth: number, cropHeight: number, width: number, height: number, sidesCut: boolean, targetWidth: number, targetHeight: number) =>
    `The network sees the outlined centre, ${cropHeight} × ${cropWidth} of ${height} × ${width} pixels (the ${sidesCut ? 'left and right edges' : 'top and bottom edges'} are cut off), scaled to ${targetHeight} × ${targetWidth}.`,
  cropWarning: (f: CropFacts) => {
    const why = f.keptPercent !== null ? `it is ${f.wider ? 'far wider' : 'far taller'} than 4:3, so only ${f.keptPercent}% of it is used` : `it is small`;
    const blur = f.enlarged !== null ? `, enlarged ${f.enlarged} times to ${f.targetHeight} × ${f.targetWidth}: expect a blur the network was never trained on` : '';
    return `Note: ${why} (a ${f.cropHeight} × ${f.cropWidth} centre${blur}).`;
  },
  regionLabel: (name: string) => `“${name}”, with the region the network sees outlined`,
  // The scene and its labels
  sceneLabel: (name: string, labelled: boolean) => `“${name}”${labelled ? ' coloured by the network’s predicted classes' : ''}`,
  running: 'Running the network…',
  labelsLater: 'The labels appear once the network has run.',
  networkFailed: (name: string, error: string) => `The network failed on “${name}”: ${error}`,
  legendLabel: 'Classes the network found, with their share of the picture',
  emptyStage: 'Choose a picture, drop one here, or use the camera.',
  captionEmpty: 'Your picture and the network’s labels for it appear here. It never leaves this page.',
  captionWaiting: (name: string) => `“${name}”, as the network sees it. Its labels appear once the network has run.`,
  captionLabelled: (name: string, opacity: number) =>
    `“${name}” with the network’s most probable class at every pixel laid over it at ${opacity}% opacity. Point at it, or focus it and use the arrow keys, to read a pixel’s class.`,
  pixel: (x: number, y: number, name: string, percent: number) => `Pixel (row ${y}, column ${x}): ${name}, ${percent}% probable.`,
  // The camera
  cameraNone: 'This browser offers no camera to web pages: choose a picture file instead.',
  cameraInsecure: 'Browsers offer the camera only to pages served over https (or from this computer): choose a picture file instead.',
  cameraDenied: 'Camera access was denied. Allow it in the browser’s settings for this site, or choose a picture file instead.',
  cameraMissing: 'No camera was found on this device: choose a picture file instead.',
  cameraBusy: 'The camera is busy or could not be started (another application may be using it).',
  cameraFailed: (error: string) => `The camera could not start (${error}).`,
  cameraStarting: 'Starting the camera…',
  cameraOn: 'The camera is on. Take the picture when the street is in view.',
  cameraNoFrame: 'The camera has no picture yet: wait a moment and try again.',
  cameraOff: 'The camera is off.',
  /** The name of a picture taken with the camera, `time` already formatted. */
  cameraPicture: (time: string) => `camera picture ${time}`,
  // Which network labels the picture
  modelCamvid: 'This is SegNet-Basic trained on CamVid, real street scenes filmed from a car in Cambridge: a photo taken from the road, camera level, suits it best.',
  modelSynthetic: 'This is the page’s SegNet-Basic, trained only on this site’s synthetic road scenes: it has never seen a real photograph, so expect it to do poorly on yours.',
  modelUntrained: 'No trained checkpoint came with this site, so an untrained network (random weights) labels your picture: its colours mean nothing yet.',
  camvidFailed: (error: string) => `The CamVid-trained checkpoint could not be used (${error}).`,
  /** `steps` already formatted, null for none. */
  camvidSummary: (steps: string | null) => `SegNet-Basic trained on CamVid${steps ? ` (${steps} steps)` : ''}`,
  // Controls
  choose: 'Choose a picture',
  useCamera: 'Use the camera',
  opacity: 'Opacity',
  cameraPreview: 'Camera preview',
  takePicture: 'Take the picture',
  cameraStop: 'Switch the camera off',
  dropHint: 'You can also drop a picture anywhere on this figure.',
  legendHeading: 'Whole picture: share of each class',
};
