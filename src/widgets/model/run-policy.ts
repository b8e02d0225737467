/**
 * When a model-backed widget starts the network by itself, and what it tells the reader about
 * where the network runs. TF.js is about a megabyte of script plus a forward pass of ~8 GFLOP:
 * fine on a desktop, not something to start unasked on a phone or a metered connection.
 */
import type { BackendChoice, BackendName } from '../../segnet';
import { messages, pageMessages, type Messages } from '../../i18n';

type Words = Messages['model'];

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

/** Why the network waits, by reason, in the page's language (read when this module loads). */
export const HOLD_MESSAGES: Readonly<Record<HoldReason, string>> = pageMessages().model.hold;

/** What a held widget shows: why it waits, the run button's label, and whether its precomputed figure appears. */
export interface HoldView {
  reason: HoldReason;
  message: string;
  /** With the figure: the sentence that points at it (drawn apart, so a widget can leave it out while its figure steps aside). */
  note?: string;
  action: string;
  showFallback: boolean;
}

/** Added to the hold message when the precomputed figure stands in for the network. */
export const FALLBACK_SENTENCE: string = pageMessages().model.fallbackSentence;

/**
 * Whether a widget holds its network, and what it says: null to start at once. Every hold
 * reason shows the widget's precomputed figure when it has one, with the option to run the
 * live network anyway.
 */
export function holdView(env: RunEnvironment, hasFallback: boolean, m: Words = pageMessages().model): HoldView | null {
  const reason = holdReason(env);
  if (!reason) return null;
  return hasFallback
    ? { reason, message: m.hold[reason], note: m.fallbackSentence, action: m.runLive, showFallback: true }
    : { reason, message: m.hold[reason], action: m.run, showFallback: false };
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

/** How each backend is described to the reader, in the page's language (read when this module loads). */
export const BACKEND_LABELS: Readonly<Record<BackendName, string>> = pageMessages().model.backends;

/** Whether the backend runs the network slowly enough to ask before starting. */
export function isSlowBackend(name: BackendName): boolean {
  return name === 'cpu';
}

/**
 * The reader's words for a reason the backend plan (shared/backend-plan.ts) gives: the plan
 * says it in English for logs; a software renderer passed over is worded in the page's language.
 */
export function reasonWords(reason: string, m: Words = pageMessages().model, runtime: Messages['widgetRuntime'] = pageMessages().widgetRuntime): string {
  const software = /^(WebGL|WebGPU) here is software-rendered \((.+)\), slower than WebAssembly$/.exec(reason);
  if (software) return m.softwareRendered(software[1]!, software[2]!);
  // A lost device (the engine worker moved the networks to WebAssembly, see model-device.ts).
  const en = messages('en').widgetRuntime;
  if (reason === en.webglLost) return runtime.webglLost;
  const lostPrefix = en.webgpuLost('');
  if (reason.startsWith(lostPrefix)) {
    const detail = /^ \((.*)\)$/.exec(reason.slice(lostPrefix.length))?.[1] ?? '';
    return runtime.webgpuLost(detail);
  }
  return reason;
}

/**
 * One sentence on where the network runs: why, when a faster-looking backend was passed over
 * (software-rendered WebGL or WebGPU), or naming what is missing when WebGL/WebGPU are not there.
 */
export function backendSentence(backend: BackendChoice, m: Words = pageMessages().model): string {
  const label = `${m.backends[backend.name]}${backend.threads !== undefined && backend.threads > 1 ? m.threads(backend.threads) : ''}`;
  if (backend.reason) return m.runningBecause(label, reasonWords(backend.reason, m));
  if (backend.name === 'webgpu' || backend.name === 'webgl') return m.runningOn(label);
  const missing = backend.rejected.filter((r) => r.name === 'webgpu' || r.name === 'webgl').map((r) => r.name);
  return m.runningSlowly(label, missing, backend.name === 'cpu');
}
