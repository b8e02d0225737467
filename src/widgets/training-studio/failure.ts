/**
 * What the reader is told when training stops by itself. Each message says what happened,
 * what state the network is in, and what to do next.
 */
import { isOutOfMemory } from './backend-watch';
import { errorMessage } from '../../segnet/core';
import { pageMessages, type Messages } from '../../i18n';

type Words = Messages['trainingStudio'];

/** The text of any thrown value (the engine's errorMessage, under the name the studio uses). */
export { errorMessage as errorText };

/** A NaN or infinite loss: trainSteps did not apply that update, so the network is the last good one. */
export function nonFiniteMessage(loss: number, failedStep: number, goodStep: number, m: Words = pageMessages().trainingStudio): string {
  return m.failure.nonFinite(String(loss), failedStep, goodStep);
}

/** Any other failed step; `recovery` says where the weights are now. */
export function failureMessage(error: unknown, step: number, recovery: string, m: Words = pageMessages().trainingStudio): string {
  const what = isOutOfMemory(error) ? m.failure.outOfMemory : errorMessage(error);
  return m.failure.failed(step, what, recovery);
}

/** The graphics device went away: nothing on it can be trusted or saved. */
export function deviceLostMessage(what: string, m: Words = pageMessages().trainingStudio): string {
  return m.failure.deviceLost(what);
}
