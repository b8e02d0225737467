/**
 * When a training widget (the studio, the decoder comparison) starts loading TF.js by itself:
 * as it nears the viewport, unless the device is small, low on memory or asks to save data
 * (../model/run-policy). Then the widget is told why and waits for the reader's click.
 */
import { holdReason, readRunEnvironment, type HoldReason } from '../model/run-policy';
import { whenNearViewport } from './near-viewport';

export interface RunGate {
  /** Called once near the viewport when nothing holds the widget back. */
  start(): void;
  /** Called once near the viewport instead of `start`, with the reason to wait. */
  held(reason: HoldReason): void;
}

/** Wires the gate on `root`; returns a function that cancels it (no call after that). */
export function gateRun(root: Element, gate: RunGate): () => void {
  return whenNearViewport(root, () => {
    const reason = holdReason(readRunEnvironment());
    if (reason) gate.held(reason);
    else gate.start();
  });
}
