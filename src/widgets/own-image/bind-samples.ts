/**
 * The sample street buttons of the own-image widget: a click fetches that sample from this
 * site (public/samples/) and hands it to the widget as a picture, like a chosen file. Only
 * the last sample asked for is shown.
 */
import { errorMessage } from '../../segnet/core';
import { pageMessages } from '../../i18n';
import { readPicture, type PictureResult } from './picture';

export interface SampleSourceOptions {
  root: HTMLElement;
  /** Receives the picture (or why it failed) with the sample's seed. */
  accept: (result: PictureResult, seed: number) => void;
  say: (text: string, kind: 'info' | 'error') => void;
  signal: AbortSignal;
}

/** Wires the sample buttons (`[data-sample]` with `data-url`); returns a function that opens a sample by seed. */
export function bindSamples({ root, accept, say, signal }: SampleSourceOptions): (seed: number) => void {
  const t = pageMessages().streetSamples;
  let ticket = 0;
  const buttons = Array.from(root.querySelectorAll<HTMLButtonElement>('[data-sample]'));
  const open = (seed: number): void => {
    const button = buttons.find((b) => Number(b.dataset.sample) === seed);
    if (!button?.dataset.url) return;
    const mine = ++ticket;
    say(t.loading(seed), 'info');
    fetch(button.dataset.url, { signal })
      .then((response) => {
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        return response.blob();
      })
      .then((blob) => readPicture(new File([blob], t.name(seed), { type: blob.type || 'image/jpeg' })))
      .then(
        (result) => mine === ticket && accept(result, seed),
        (error: unknown) => {
          if (mine === ticket && !signal.aborted) say(t.failed(seed, errorMessage(error)), 'error');
        },
      );
  };
  for (const button of buttons) {
    button.addEventListener('click', () => open(Number(button.dataset.sample)), { signal });
  }
  return open;
}
