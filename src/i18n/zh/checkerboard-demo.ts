import type { en } from '../en';

const head = (k: number, s: number): string => `转置卷积，卷积核 ${k}，步长 ${s}`;
const methodName = (method: 'nearest' | 'bilinear'): string => (method === 'nearest' ? '最近邻' : '双线性');

export const checkerboardDemo: (typeof en)['checkerboardDemo'] = {
  kernelSize: '卷积核大小',
  stride: '步长（放大倍数）',
  inputLegend: '输入',
  inputs: { constant: '常数', smooth: '平滑渐变', edge: '一条边缘' },
  methodLegend: '卷积之前的缩放方式',
  methods: { nearest: '最近邻', bilinear: '双线性' },
  input: '输入',
  transposedOutput: '转置卷积：输出',
  transposedTaps: '转置卷积：叠加次数',
  resizedOutput: (method) => `${methodName(method)}缩放 + 卷积：输出`,
  resizedTaps: '缩放 + 卷积：读取次数',
  transposedGroup: (k, s) => `转置卷积（卷积核 ${k}，步长 ${s}）`,
  resizedGroup: (method, s, k) => `先${methodName(method)}放大 ${s} 倍，再做 ${k} × ${k} 卷积`,
  mapLabel: (title, side, min, max) => `${title}（${side} × ${side}），数值从 ${min} 到 ${max}；方框标出远离边界的像素`,
  uneven: (k, s, min, max) =>
    `${head(k, s)}：在方框内、远离边界的地方，每个输出像素被卷积核叠加 ${min} 到 ${max} 次，` +
    `有些像素的叠加次数是相邻像素的 ${max / min} 倍：这就是棋盘格。先缩放再卷积时，每个输出像素都恰好读取 ${k * k} 个像素。`,
  even: (k, s, taps) =>
    `${head(k, s)}：${k} 是 ${s} 的整数倍，所以方框内每个输出像素都被叠加 ${taps} 次，和先缩放再卷积一样均匀（每个像素 ${k * k} 次）。`,
  gaps: (k, s, untouched, cells) =>
    `${head(k, s)}：步长比卷积核大，方框内 ${cells} 个像素中有 ${untouched} 个一次也没被叠加到。先缩放再卷积时，每个像素都读取 ${k * k} 个像素。`,
  inputNames: { constant: '常数', smooth: '平滑', edge: '边缘' },
  roughness: (input, transposed, method, resized) =>
    `在${input}输入上，转置卷积之后相邻输出像素平均相差均值的 ${transposed} %；` +
    `先${methodName(method)}缩放再卷积之后，只相差 ${resized} %。`,
};
