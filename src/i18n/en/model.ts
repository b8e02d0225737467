/**
 * The page's model, as every model-backed widget reports it: the status line, why the network
 * waits for a click, where it runs, what was loaded, and the frame picker.
 */
export const model = {
  waiting: 'The network starts when this figure scrolls into view.',
  run: 'Run the network',
  runLive: 'Run the live network anyway',
  runAnyway: 'Run anyway',
  loading: 'Loading TensorFlow.js and the network…',
  ready: (summary: string, backendSentence: string) => `${summary}. ${backendSentence}`,
  failed: (error: string) => `The network could not start (${error}). Everything that does not need it still works.`,
  /** Why the network waits for a click, by hold reason. */
  hold: {
    'small-screen': 'On a small screen the network does not start by itself: it loads about 2 MB of code and computes for a few seconds.',
    'save-data': 'Your browser asks to save data, so the network (about 2 MB of code) does not start by itself.',
    'low-memory': 'This device reports little memory, so the network does not start by itself.',
    'no-gpu': 'This browser offers neither WebGL nor WebGPU, so the network would run on the CPU, slowly: it does not start by itself.',
  },
  /** Added to the hold message when the precomputed figure stands in for the network. */
  fallbackSentence: 'The picture above is the network’s result computed ahead of time.',
  backends: {
    webgpu: 'WebGPU (the graphics card)',
    webgl: 'WebGL (the graphics card)',
    wasm: 'WebAssembly on the CPU',
    cpu: 'plain JavaScript on the CPU',
  },
  threads: (n: number) => ` (${n} threads)`,
  runningBecause: (backend: string, reason: string) => `Running on ${backend}: ${reason}.`,
  softwareRendered: (api: string, renderer: string) => `${api} here is software-rendered (${renderer}), slower than WebAssembly`,
  runningOn: (backend: string) => `Running on ${backend}.`,
  /** On the CPU: `missing` names the graphics-card backends this browser lacks; `cpu` when plain JavaScript. */
  runningSlowly: (backend: string, missing: readonly string[], cpu: boolean) => {
    const why = missing.length > 0 ? ` because ${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not available here` : '';
    return `Running on ${backend}${why}: ${cpu ? 'expect tens of seconds per frame' : 'slower, but one frame at a time is fine'}.`;
  },
  framesFailed: (error: string) => `The road frames could not be loaded: ${error}`,
  frame: 'Frame',
  untrainedSummary: 'SegNet-Basic, untrained (random weights)',
  /** `steps` already formatted, null for none; `dataset` null when the checkpoint does not say. */
  pretrainedSummary: (steps: string | null, dataset: string | null) => {
    const data = dataset ? ` on ${dataset}` : '';
    return `SegNet-Basic, pretrained checkpoint${steps ? ` (${steps} steps${data})` : data}`;
  },
  noCheckpoint: 'No pretrained checkpoint found: showing an untrained network.',
  checkpointMismatch: (encoder: string, size: string, wantEncoder: string, wantSize: string) => `the checkpoint is ${encoder} at ${size}, not ${wantEncoder} at ${wantSize}`,
  checkpointUnfit: (mismatch: string) => `The pretrained checkpoint does not fit this page (${mismatch}): showing an untrained network.`,
  checkpointFailed: (error: string) => `The pretrained checkpoint could not be loaded (${error}): showing an untrained network.`,
};
