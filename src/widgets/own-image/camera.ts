/**
 * The reader's camera, for a picture of the street in front of them: a live preview, one
 * frame captured on request, the camera switched off right after. Frames stay in the page.
 */

/** Why the camera is not available, in words for the reader; null when the browser offers one. */
export function cameraUnavailable(nav: { mediaDevices?: { getUserMedia?: unknown } }, secure: boolean): string | null {
  if (typeof nav.mediaDevices?.getUserMedia === 'function') return null;
  return secure
    ? 'This browser offers no camera to web pages: choose a picture file instead.'
    : 'Browsers offer the camera only to pages served over https (or from this computer): choose a picture file instead.';
}

/** The reader-facing sentence for a failed getUserMedia call (DOMException names per the Media Capture spec). */
export function cameraFailure(error: unknown): string {
  const name = error instanceof Error || (typeof DOMException !== 'undefined' && error instanceof DOMException) ? error.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return 'Camera access was denied. Allow it in the browser’s settings for this site, or choose a picture file instead.';
    case 'NotFoundError':
    case 'OverconstrainedError':
      return 'No camera was found on this device: choose a picture file instead.';
    case 'NotReadableError':
    case 'AbortError':
      return 'The camera is busy or could not be started (another application may be using it).';
    default:
      return `The camera could not start (${error instanceof Error ? error.message : String(error)}).`;
  }
}

/** Starts the camera (the rear one on phones, where there is a choice) into a video element. */
export async function startCamera(video: HTMLVideoElement): Promise<MediaStream> {
  const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
  video.srcObject = stream;
  await video.play();
  return stream;
}

/** Switches the camera off (the browser's recording indicator goes out). */
export function stopCamera(video: HTMLVideoElement, stream: MediaStream | null): void {
  for (const track of stream?.getTracks() ?? []) track.stop();
  video.srcObject = null;
}
