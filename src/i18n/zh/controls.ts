import type { en } from '../en';

export const controls: (typeof en)['controls'] = {
  back: '上一步',
  play: '播放',
  next: '下一步',
  scrub: '步骤',
  stepOf: (step, last) => `第 ${step} 步，共 ${last} 步`,
  exampleSeed: '示例种子',
  size: '尺寸',
  stepAxis: '训练步数',
};
