import type { en } from '../en';

export const atrousExplorer: (typeof en)['atrousExplorer'] = {
  rate: '膨胀系数',
  kernel: '卷积核',
  stackRates: '三层堆叠中各层的膨胀系数',
  layerRate: (layer) => `第 ${layer} 层膨胀系数`,
  labelled: (label, value) => `${label}：${value}`,
  // Short enough for the panel's width at every kernel and rate (its width is set for English).
  tapsTitle: (k, rate, extent) => `${k} × ${k} 核，膨胀系数 ${rate}：覆盖 ${extent} × ${extent}`,
  tapsLabel: (k, rate, extent) => `膨胀系数为 ${rate} 的 ${k} × ${k} 卷积核触及的 ${k * k} 个输入格子，分布在 ${extent} × ${extent} 的范围内`,
  stackTitle: '中心输出沿一行能看到的范围',
  stackTitleNarrow: '中心输出能看到的范围',
  stackLabel: (rows) => `沿一行的感受野：${rows.join('；')}`,
  pixels: (n) => `${n} 像素`,
  layerRow: (depth, rate) => `第 ${depth} 层，膨胀系数 ${rate}`,
  baselineRow: '三层膨胀系数均为 1',
  reach: (span, seen) => (seen === undefined ? `宽 ${span}` : `宽 ${span}，实际看到 ${seen}`),
  ordinary: (k, formula) => `膨胀系数为 1 就是普通卷积：${k} × ${k} 的卷积核覆盖 ${k * k} 个相邻格子（${formula}）。`,
  dilated: (k, rate, extent, formula) =>
    `膨胀系数为 ${rate} 时，${k} × ${k} 卷积核仍然只有 ${k * k} 个权重，但权重之间相隔 ${rate} 格，覆盖 ${extent} × ${extent} 的范围` +
    `（${formula}）；这个方块里其余 ${extent * extent - k * k} 个格子都被跳过。`,
  stack: (k, rates, span, baseline) =>
    `三层 ${k} × ${k} 卷积的膨胀系数依次为 ${rates.join('、')}，能看到横跨 ${span} 个像素的输入，` +
    `而膨胀系数全为 1 时只有 ${baseline} 个；权重一样多，分辨率也没有损失。`,
  gridding: (seen, span) => `但这 ${span} 个位置中只有 ${seen} 个真正影响到输出：膨胀系数留下了空洞（网格效应）。`,
};
