/**
 * The reader's camera, for a picture of the street in front of them: a live preview, one
 * frame captured on request, the camera switched off right after. Frames stay in the page.
 */
import { pageMessages, type Messages } from '../../i18n';

type Words = Messages['ownImage'];

/** Why the camera is not available, in words for the reader; null when the browser offers one. */
export function cameraUnavailable(nav: { mediaDevices?: { getUserMedia?: unknown } }, secure: boolean, m: Words = pageMessages().ownImage): string | null {
  if (typeof nav.mediaDevices?.getUserMedia === 'function') return null;
  return secure ? m.cameraNone : m.cameraInsecure;
}

/** The reader-facing sentence for a failed getUserMedia call (DOMException names per the Media Capture spec). */
export function cameraFailure(error: unknown, m: Words = pageMessages().ownImage): string {
  const name = error instanceof Error || (typeof DOMException !== 'undefined' && error instanceof DOMException) ? error.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return m.cameraDenied;
    case 'NotFoundError':
    case 'OverconstrainedError':
      return m.cameraMissing;
    case 'NotReadableError':
    case 'AbortError':
      return m.cameraBusy;
    default:
      return m.cameraFailed(error instanceof Error ? error.message : String(error));
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
