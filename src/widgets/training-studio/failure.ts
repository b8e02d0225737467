/**
 * What the reader is told when training stops by itself. Each message says what happened,
 * what state the network is in, and what to do next.
 */
import { isOutOfMemory } from './backend-watch';
import { errorMessage } from '../../segnet/core';

/** The text of any thrown value (the engine's errorMessage, under the name the studio uses). */
export { errorMessage as errorText };

/** A NaN or infinite loss: trainSteps did not apply that update, so the network is the last good one. */
export function nonFiniteMessage(loss: number, failedStep: number, goodStep: number): string {
  return `Paused: the loss became ${loss} at step ${failedStep}. That update was not applied, so the network is still the one of step ${goodStep}. Lower the learning rate, then Resume.`;
}

/** Any other failed step; `recovery` says where the weights are now. */
export function failureMessage(error: unknown, step: number, recovery: string): string {
  const what = isOutOfMemory(error) ? 'the device ran out of memory (try a smaller batch, half resolution or a narrower VGG16)' : errorMessage(error);
  return `Paused at step ${step}: ${what}. ${recovery}`;
}

/** The graphics device went away: nothing on it can be trusted or saved. */
export function deviceLostMessage(what: string): string {
  return `${what} Training stopped; your last save is intact. Switch to another backend (or reload the page) to continue from it.`;
}
