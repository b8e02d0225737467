import type { en } from '../en';

export const streetSamples: (typeof en)['streetSamples'] = {
  heading: '或者试一张示例街景',
  note: '由本站的场景生成器绘制，并非实拍（公有领域）。',
  button: (seed: number) => `示例街景 ${seed}`,
  name: (seed: number) => `示例街景 ${seed}`,
  loading: (seed: number) => `正在读取示例街景 ${seed}…`,
  failed: (seed: number, reason: string) => `无法读取示例街景 ${seed}（${reason}）。`,
};
