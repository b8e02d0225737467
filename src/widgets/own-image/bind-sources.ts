/**
 * The three ways a picture reaches the own-image widget: the file input, a drop anywhere on
 * the widget, and the camera (preview, capture, off). Each hands a decoded picture, or the
 * reason it was refused, to `accept`; progress and problems go to `say`.
 */
import { pageMessages } from '../../i18n';
import { widgetPart } from '../shared/define-widget';
import { cameraFailure, cameraUnavailable, startCamera, stopCamera } from './camera';
import { pictureFrom, readPicture, type PictureResult } from './picture';
import { errorMessage } from '../../segnet/core';

export interface PictureSourceOptions {
  root: HTMLElement;
  accept: (result: PictureResult) => void;
  say: (text: string, kind: 'info' | 'error') => void;
  signal: AbortSignal;
}


/** Whether a file says it is a picture (its type, or failing that its name). */
const looksLikePicture = (file: File): boolean => file.type.startsWith('image/') || /\.(png|jpe?g|webp|avif|gif|bmp)$/i.test(file.name);

/** Wires the file input and drag and drop; only the last file asked for is shown. */
export function bindFileSources({ root, accept, say, signal }: PictureSourceOptions): void {
  const input = widgetPart<HTMLInputElement>(root, 'file');
  const t = pageMessages().ownImage;
  let ticket = 0;
  const open = (files: FileList | null | undefined): void => {
    const all = Array.from(files ?? []);
    // Of several files, the first picture: a note dropped along with it is not what was meant.
    const file = all.find(looksLikePicture) ?? all[0];
    if (!file) return say(t.nothingDropped, 'error');
    const mine = ++ticket;
    const others = all.length - 1;
    say(t.reading(file.name, others), 'info');
    readPicture(file, t).then(
      (result) => mine === ticket && accept(result),
      (error: unknown) => mine === ticket && accept({ ok: false, message: t.unreadable(file.name, errorMessage(error)) }),
    );
  };

  input.addEventListener(
    'change',
    () => {
      if (input.files && input.files.length > 0) open(input.files);
      input.value = ''; // choosing the same file again reads it again
    },
    { signal },
  );
  root.addEventListener(
    'dragover',
    (event) => {
      if (!event.dataTransfer?.types.includes('Files')) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
      root.classList.add('is-dragging');
    },
    { signal },
  );
  root.addEventListener(
    'dragleave',
    (event) => {
      if (!root.contains(event.relatedTarget as Node | null)) root.classList.remove('is-dragging');
    },
    { signal },
  );
  root.addEventListener(
    'drop',
    (event) => {
      event.preventDefault();
      root.classList.remove('is-dragging');
      open(event.dataTransfer?.files);
    },
    { signal },
  );
}

/** Wires the camera buttons; returns a function that switches the camera off. */
export function bindCamera({ root, accept, say, signal }: PictureSourceOptions): () => void {
  const panel = widgetPart(root, 'camera');
  const video = widgetPart<HTMLVideoElement>(root, 'video');
  const capture = widgetPart<HTMLButtonElement>(root, 'camera-capture');
  const start = widgetPart<HTMLButtonElement>(root, 'camera-start');
  const t = pageMessages().ownImage;
  let stream: MediaStream | null = null;
  /** Counts starts and stops: a stream that arrives after a later stop (or start) is stopped at once. */
  let ticket = 0;
  const close = (): void => {
    ticket++;
    stopCamera(video, stream);
    stream = null;
    panel.hidden = true;
    start.disabled = false;
  };

  start.addEventListener(
    'click',
    () => {
      if (stream || start.disabled) return; // one camera at a time: never a second stream left running
      const missing = cameraUnavailable(navigator, window.isSecureContext, t);
      if (missing) return say(missing, 'error');
      const mine = ++ticket;
      start.disabled = true;
      say(t.cameraStarting, 'info');
      startCamera(video).then(
        (started) => {
          if (mine !== ticket) return stopCamera(video, started);
          stream = started;
          panel.hidden = false;
          say(t.cameraOn, 'info');
          capture.focus();
        },
        (error: unknown) => {
          if (mine !== ticket) return;
          start.disabled = false;
          say(cameraFailure(error, t), 'error');
        },
      );
    },
    { signal },
  );
  capture.addEventListener(
    'click',
    () => {
      if (!stream || video.videoWidth === 0) return say(t.cameraNoFrame, 'error');
      const taken = pictureFrom(t.cameraPicture(new Date().toLocaleTimeString('en-GB')), video, video.videoWidth, video.videoHeight);
      close();
      accept({ ok: true, picture: taken });
    },
    { signal },
  );
  widgetPart(root, 'camera-stop').addEventListener(
    'click',
    () => {
      close();
      say(t.cameraOff, 'info');
    },
    { signal },
  );
  return close;
}
