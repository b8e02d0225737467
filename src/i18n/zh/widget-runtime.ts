import type { en } from '../en';

export const widgetRuntime: (typeof en)['widgetRuntime'] = {
  webglLost: 'WebGL 上下文已丢失（显卡驱动重置了，或浏览器收回了它）',
  webgpuLost: (detail) => `WebGPU 设备已丢失${detail ? `（${detail}）` : ''}`,
  lostSentence: (reason) => `${reason}。`,
  stale: '本页比网站旧：打开它之后网站发布了新版本，这个组件的一部分已不存在。重新加载即可获得新版本；你的设置保存在地址中。',
  reload: '重新加载页面',
};
