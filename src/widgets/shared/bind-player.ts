/**
 * Wires the controls of PlayerControls.astro (inside `root`) to a StepPlayer: buttons step and
 * play, the range scrubs, and every change updates aria-pressed, the scrubber and the position.
 */
import { pageMessages } from '../../i18n';
import { StepPlayer } from './step-player';

export interface BoundPlayer {
  player: StepPlayer;
  /** Stops playing and removes the listeners. */
  dispose(): void;
}

export interface BindPlayerOptions {
  last: number;
  step: number;
  /** Called on every step change, after the controls are updated. */
  onStep: (step: number) => void;
  intervalMs?: number;
}

function part<T extends Element>(root: Element, role: string): T {
  const el = root.querySelector<T>(`[data-player="${role}"]`);
  if (!el) throw new Error(`bindPlayer: no [data-player="${role}"] inside <${root.localName}>`);
  return el;
}

export function bindPlayer(root: HTMLElement, options: BindPlayerOptions): BoundPlayer {
  const previous = part<HTMLButtonElement>(root, 'previous');
  const next = part<HTMLButtonElement>(root, 'next');
  const play = part<HTMLButtonElement>(root, 'play');
  const icon = part<HTMLElement>(root, 'icon');
  const scrub = part<HTMLInputElement>(root, 'scrub');
  const position = part<HTMLOutputElement>(root, 'position');
  let lastStep = -1;
  const t = pageMessages().controls;

  const show = (step: number, playing: boolean, last: number): void => {
    play.setAttribute('aria-pressed', String(playing));
    icon.textContent = playing ? '❚❚' : '▶';
    scrub.max = String(last);
    scrub.value = String(step);
    scrub.setAttribute('aria-valuetext', t.stepOf(step, last));
    position.textContent = `${step} / ${last}`;
  };

  const player: StepPlayer = new StepPlayer({
    last: options.last,
    step: options.step,
    intervalMs: options.intervalMs,
    onChange: (step, playing) => {
      show(step, playing, player.last);
      if (step !== lastStep) {
        lastStep = step;
        options.onStep(step);
      }
    },
  });
  lastStep = player.step;
  show(player.step, false, player.last);

  const controller = new AbortController();
  const { signal } = controller;
  previous.addEventListener('click', () => player.previous(), { signal });
  next.addEventListener('click', () => player.next(), { signal });
  play.addEventListener('click', () => player.toggle(), { signal });
  scrub.addEventListener('input', () => player.seek(Number(scrub.value)), { signal });
  return {
    player,
    dispose: () => {
      controller.abort();
      player.dispose();
    },
  };
}
