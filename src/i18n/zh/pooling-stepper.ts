import type { en } from '../en';

export const poolingStepper: (typeof en)['poolingStepper'] = {
  positions: ['左上角', '右上角', '左下角', '右下角'],
  sentences: (parts) => parts.join(''),
  player: '池化窗口',
  input: '输入',
  pooled: '池化结果',
  indices: '索引',
  bits: '位码',
  indicesLabel: (step, total) => `以 2 位编码表示的索引，已记录 ${step} / ${total} 个`,
  keyLabel: (entries) => `位码对照：${entries.map(([bits, position]) => `${bits} 表示${position}`).join('，')}`,
  start: '还没有开始池化。每一步取下一个 2 × 2 窗口（步长为 2），只保留其中的最大值，并用 2 位索引记下它在窗口里的位置。',
  window: (w) =>
    `第 ${w.step} 个窗口（共 ${w.total} 个）覆盖输入的第 ${w.rows[0]}–${w.rows[1]} 行、第 ${w.cols[0]}–${w.cols[1]} 列，四个值依次为 ${w.values.join('、')}。`,
  maximum: (max, position, index, bits) => `最大值 ${max} 位于窗口${position}，索引为 ${index}，写成二进制位是 ${bits}。`,
  tie: (count, max) => `有 ${count} 个格子同为 ${max}，按从左到右、从上到下的顺序取第一个。`,
  done: (windows, values, bytes) =>
    `${windows} 个窗口全部处理完毕：${values} 个值缩减为 ${windows} 个，另加 ${windows} 个 2 位索引（共 ${bytes} 字节）。`,
};
