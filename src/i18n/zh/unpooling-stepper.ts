import type { en } from '../en';
import { poolingStepper } from './pooling-stepper';

export const unpoolingStepper: (typeof en)['unpoolingStepper'] = {
  positions: poolingStepper.positions,
  sentences: poolingStepper.sentences,
  player: '反池化步骤',
  pooled: '池化结果',
  indices: '索引',
  indicesLabel: (m) => `编码器记录下的索引，以 2 位编码表示（${m} × ${m}）`,
  filter: (divisor) => `3×3 滤波器 ÷ ${divisor}`,
  filterLabel: (w) => `滤波器权重：中心为 ${w.centre}，上下左右为 ${w.side}，四角为 ${w.corner}，全部除以 ${w.divisor}`,
  sparse: '反池化（稀疏）',
  sparseLabel: (n, placed, total) => `反池化特征图（${n} × ${n}），已放回 ${placed} / ${total} 个值`,
  dense: '卷积之后',
  denseLabel: (n) => `经过 3 × 3 卷积的稠密特征图（${n} × ${n}）`,
  densePending: (n) => `稠密特征图（${n} × ${n}），尚未计算：请走到最后一步`,
  start: (n) => `还没有放回任何值。每一步取一个池化后的值，按它的索引所记录的位置，写回一张 ${n} × ${n} 全零特征图里对应的 2 × 2 窗口。`,
  place: (p) =>
    `第 ${p.step} 个值（共 ${p.total} 个）：${p.value} 的索引位是 ${p.bits}，因此放回窗口的${p.position}，` +
    `即第 ${p.row} 行、第 ${p.col} 列；窗口里另外三个格子保持为 0。`,
  complete: (windows, cells, nonZero) => `特征图已经填完，但它是稀疏的：${cells} 个格子里至多 ${windows} 个可能非零（实际有 ${nonZero} 个）。`,
  densified: (dense, cells, sparse) =>
    `再用一个权重之和为 1 的 3 × 3 模糊滤波器填补空缺：每个输出格子都是其邻域的加权平均，` +
    `于是 ${cells} 个格子中有 ${dense} 个变为非零，而稀疏图中只有 ${sparse} 个。`,
  allPeaksKept: '放回的每个非零值（粗体）仍是其 3 × 3 邻域里的最大值：模糊把它向四周摊开，却没有挪动它的位置。',
  somePeaksKept: (kept, placed) =>
    `放回的 ${placed} 个非零值（粗体）中，有 ${kept} 个仍是其 3 × 3 邻域里的最大值；` +
    `其余的紧挨着一个更大的值，被那个值摊开过来的部分盖过了。`,
};
