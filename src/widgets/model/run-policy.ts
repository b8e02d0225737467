/**
 * When a model-backed widget starts the network by itself, and what it tells the reader about
 * where the network runs. TF.js is about a megabyte of script plus a forward pass of ~8 GFLOP:
 * fine on a desktop, not something to start unasked on a phone or a metered connection.
 */
import type { BackendChoice, BackendName } from '../../segnet';

/** What the browser says about itself. */
export interface RunEnvironment {
  /** Viewport width in CSS pixels. */
  viewportWidth: number;
  /** navigator.connection.saveData: the reader asked to save data. */
  saveData: boolean;
  /** navigator.deviceMemory in GB, where the browser reports it. */
  deviceMemoryGb: number | undefined;
  /** Whether WebGL or WebGPU is available (see gpu-probe.ts); undefined when not probed. */
  gpu?: boolean;
}

/** Why the model waits for a click instead of starting on its own. */
export type HoldReason = 'small-screen' | 'save-data' | 'low-memory' | 'no-gpu';

/** Narrower viewports count as small devices. */
export const SMALL_SCREEN_PX = 560;

export function holdReason(env: RunEnvironment): HoldReason | null {
  if (env.saveData) return 'save-data';
  if (env.viewportWidth < SMALL_SCREEN_PX) return 'small-screen';
  if (env.deviceMemoryGb !== undefined && env.deviceMemoryGb < 2) return 'low-memory';
  if (env.gpu === false) return 'no-gpu';
  return null;
}

export const HOLD_MESSAGES: Record<HoldReason, string> = {
  'small-screen': 'On a small screen the network does not start by itself: it loads about 2 MB of code and computes for a few seconds.',
  'save-data': 'Your browser asks to save data, so the network (about 2 MB of code) does not start by itself.',
  'low-memory': 'This device reports little memory, so the network does not start by itself.',
  'no-gpu': 'This browser offers neither WebGL nor WebGPU, so the network would run on the CPU, slowly: it does not start by itself.',
};

/** What a held widget shows: why it waits, the run button's label, and whether its precomputed figure appears. */
export interface HoldView {
  reason: HoldReason;
  message: string;
  action: string;
  showFallback: boolean;
}

/** Added to the hold message when the precomputed figure stands in for the network. */
export const FALLBACK_SENTENCE = 'The picture above is the network’s result computed ahead of time.';

/**
 * Whether a widget holds its network, and what it says: null to start at once. Every hold
 * reason shows the widget's precomputed figure when it has one, with the option to run the
 * live network anyway.
 */
export function holdView(env: RunEnvironment, hasFallback: boolean): HoldView | null {
  const reason = holdReason(env);
  if (!reason) return null;
  return hasFallback
    ? { reason, message: `${HOLD_MESSAGES[reason]} ${FALLBACK_SENTENCE}`, action: 'Run the live network anyway', showFallback: true }
    : { reason, message: HOLD_MESSAGES[reason], action: 'Run the network', showFallback: false };
}

/** The environment of this browser window (`gpu` from probeGpu, when known). */
export function readRunEnvironment(gpu?: boolean): RunEnvironment {
  const nav = navigator as Navigator & { connection?: { saveData?: boolean }; deviceMemory?: number };
  return {
    viewportWidth: window.innerWidth,
    saveData: nav.connection?.saveData === true,
    deviceMemoryGb: typeof nav.deviceMemory === 'number' ? nav.deviceMemory : undefined,
    gpu,
  };
}

/** How each backend is described to the reader. */
export const BACKEND_LABELS: Record<BackendName, string> = {
  webgpu: 'WebGPU (the graphics card)',
  webgl: 'WebGL (the graphics card)',
  wasm: 'WebAssembly on the CPU',
  cpu: 'plain JavaScript on the CPU',
};

/** Whether the backend runs the network slowly enough to ask before starting. */
export function isSlowBackend(name: BackendName): boolean {
  return name === 'cpu';
}

/**
 * One sentence on where the network runs: why, when a faster-looking backend was passed over
 * (software-rendered WebGL), or naming what is missing when WebGL/WebGPU are not there.
 */
export function backendSentence(backend: BackendChoice): string {
  const threads = backend.threads !== undefined && backend.threads > 1 ? ` (${backend.threads} threads)` : '';
  const label = `${BACKEND_LABELS[backend.name]}${threads}`;
  if (backend.reason) return `Running on ${label}: ${backend.reason}.`;
  if (backend.name === 'webgpu' || backend.name === 'webgl') return `Running on ${label}.`;
  const missing = backend.rejected.filter((r) => r.name === 'webgpu' || r.name === 'webgl').map((r) => r.name);
  const why = missing.length > 0 ? ` because ${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not available here` : '';
  const speed = backend.name === 'cpu' ? 'expect tens of seconds per frame' : 'slower, but one frame at a time is fine';
  return `Running on ${label}${why}: ${speed}.`;
}
