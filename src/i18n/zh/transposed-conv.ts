import type { en } from '../en';

const head = (k: number, s: number): string => `卷积核 ${k}，步长 ${s}`;
const span = (from: number, k: number, unit: string): string => (k === 1 ? `第 ${from} ${unit}` : `第 ${from}–${from + k - 1} ${unit}`);

export const transposedConv: (typeof en)['transposedConv'] = {
  input: '输入',
  kernel: '全 1 卷积核',
  kernelLabel: (k) => `卷积核（${k} × ${k}），每个权重都是 1`,
  output: '输出',
  outputLabel: (n, step, count) => `输出（${n} × ${n}），已叠加 ${count} 次中的 ${step} 次`,
  overlaps: '每格叠加次数',
  overlapsLabel: (min, max) => `九次全部叠加后，每个输出格的叠加次数：${min} 到 ${max}`,
  gaps: (k, s, empty) => `${head(k, s)}：出现空隙。步长比卷积核大，相邻两次叠加的区域互不相接，有 ${empty} 个输出格一次也没被叠加到。`,
  uneven: (k, s, min, max) => `${head(k, s)}：重叠不均匀。${k} 不是 ${s} 的整数倍，相邻输出格被叠加的次数不同（${min} 到 ${max} 次），于是出现棋盘格伪影。`,
  evenEverywhere: (k, s, inner) => `${head(k, s)}：重叠均匀。每个输出格恰好被叠加 ${inner} 次。`,
  evenInside: (k, s, inner, n, full, cells, min, max) => {
    const where = full === 1 ? '只有中心那一格' : `${cells} 个输出格中有 ${full} 个`;
    return `${head(k, s)}：重叠均匀。${k} 是 ${s} 的整数倍，所以离开边界后，每个输出格都被叠加 ${inner} 次。在这个 ${n} × ${n} 的输入上，${where}离边界足够远；其余的被叠加 ${min} 到 ${max} 次。`;
  },
  notStamped: (k, stride) => `还没有叠加。每一步取一个输入格，把“值 × 卷积核”加到输出中一个 ${k} × ${k} 的区域上；输入每前进一格，这个区域就移动 ${stride} 格。`,
  stamped: (f) => {
    const done = f.step === f.count ? '九个输入格已全部叠加完毕。' : '';
    return `第 ${f.step} 步（共 ${f.count} 步）：输入格（第 ${f.row} 行，第 ${f.col} 列）的值是 ${f.value}，于是把 ${f.value} × 卷积核加到输出的${span(f.outRow, f.kernel, '行')}、${span(f.outCol, f.kernel, '列')}。${done}`;
  },
  kernelSize: '卷积核大小',
  stride: '步长',
  inputValues: '输入值',
  allOnes: '全为 1',
  oneToNine: '1 到 9',
  player: '叠加步骤',
};
