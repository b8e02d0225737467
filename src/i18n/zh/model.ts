import type { en } from '../en';

/** The engine names its backends in lower case; a reader knows them by their proper names. */
const API_NAMES: Record<string, string> = { webgpu: 'WebGPU', webgl: 'WebGL' };

export const model: (typeof en)['model'] = {
  waiting: '这张图滚动到视野中时，网络才开始运行。',
  run: '运行网络',
  runLive: '仍然运行实时网络',
  runAnyway: '仍然运行',
  loading: '正在加载 TensorFlow.js 和网络…',
  ready: (summary, backendSentence) => `${summary}。${backendSentence}`,
  failed: (error) => `网络未能启动（${error}）。不依赖网络的部分照常可用。`,
  hold: {
    'small-screen': '在小屏幕上，网络不会自动启动：它要加载约 2 MB 的代码，还要计算好几秒。',
    'save-data': '你的浏览器开启了省流量模式，所以网络（约 2 MB 代码）不会自动启动。',
    'low-memory': '这台设备报告的内存较小，所以网络不会自动启动。',
    'no-gpu': '这个浏览器既不支持 WebGL 也不支持 WebGPU，网络只能在 CPU 上慢慢运行，所以不会自动启动。',
  },
  fallbackSentence: '上面这张图是网络事先算好的结果。',
  backends: {
    webgpu: 'WebGPU（显卡）',
    webgl: 'WebGL（显卡）',
    wasm: 'CPU 上的 WebAssembly',
    cpu: 'CPU 上的纯 JavaScript',
  },
  threads: (n) => `（${n} 个线程）`,
  runningBecause: (backend, reason) => `运行于 ${backend}：${reason}。`,
  softwareRendered: (api, renderer) => `这台设备上的 ${api} 由软件渲染（${renderer}），比 WebAssembly 慢`,
  runningOn: (backend) => `运行于 ${backend}。`,
  runningSlowly: (backend, missing, cpu) => {
    const why = missing.length > 0 ? `（这里没有 ${missing.map((n) => API_NAMES[n] ?? n).join(' 和 ')}）` : '';
    return `运行于 ${backend}${why}：${cpu ? '每帧预计要几十秒' : '速度慢一些，但一次算一帧没有问题'}。`;
  },
  framesFailed: (error) => `道路画面未能加载：${error}`,
  frame: '画面',
  untrainedSummary: 'SegNet-Basic，未经训练（随机权重）',
  pretrainedSummary: (steps, dataset) => {
    const data = dataset ? `，在 ${dataset} 上训练` : '';
    return `SegNet-Basic，预训练检查点${steps ? `（${steps} 步${data}）` : data ? `（${data.slice(1)}）` : ''}`;
  },
  noCheckpoint: '没有找到预训练检查点：显示的是未经训练的网络。',
  checkpointMismatch: (encoder, size, wantEncoder, wantSize) => `检查点是 ${size} 的 ${encoder}，而本页需要 ${wantSize} 的 ${wantEncoder}`,
  checkpointUnfit: (mismatch) => `预训练检查点与本页不匹配（${mismatch}）：显示的是未经训练的网络。`,
  checkpointFailed: (error) => `预训练检查点未能加载（${error}）：显示的是未经训练的网络。`,
};
