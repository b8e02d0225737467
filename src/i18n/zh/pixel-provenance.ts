import type { en } from '../en';

const POSITIONS = ['左上', '右上', '左下', '右下'];

export const pixelProvenance: (typeof en)['pixelProvenance'] = {
  positions: POSITIONS,
  joinSentences: (parts) => parts.join(''),
  channel: '跟踪的通道',
  channelAuto: '该像素处最大的通道',
  segnetTitle: 'SegNet-Basic：它的标签与该像素的感受野',
  deeplabTitle: 'DeepLab-LargeFOV：同一像素的感受野',
  frameHelp: (row, col) =>
    `带有网络标签的道路图像；当前跟踪第 ${row} 行、第 ${col} 列的像素。点击一个像素，或用方向键移动光标（按住 Shift 每次 8 个像素）后按回车键，即可跟踪它。`,
  cursorAt: (row, col) => `光标位于第 ${row} 行、第 ${col} 列：按回车键跟踪这个像素。`,
  fields: (row, col, sizes, clipped) =>
    `像素（第 ${row} 行，第 ${col} 列）来自每个编码器阶段池化图中的一个单元；它们的感受野边长依次为 ${sizes.join('、')} 个像素（阶段 1 到 4，嵌套的方框）。最深的一个超出了图像边界，在图像内只有 ${clipped}。`,
  fieldsInside: (row, col, sizes, clipped) =>
    `像素（第 ${row} 行，第 ${col} 列）来自每个编码器阶段池化图中的一个单元；它们的感受野边长依次为 ${sizes.join('、')} 个像素（阶段 1 到 4，嵌套的方框）；最深的一个覆盖图像中的 ${clipped}。`,
  deeplab: (size, stride, clipped) =>
    `在同一编码器上的 DeepLab-LargeFOV 中，这个像素由一个类别得分插值而来（每 ${stride} 个像素一个单元），该得分的感受野为 ${size} × ${size} 个像素，在本图中为 ${clipped}。它比 SegNet-Basic 最深一层的感受野更大，但没有索引把细节带回来。`,
  chainTitle: (stage) => `阶段 ${stage}`,
  fieldKey: (stage, size) => `阶段 ${stage}：${size} 像素`,
  deeplabKey: (size) => `DeepLab-LargeFOV：${size} 像素`,
  deepestKey: 'SegNet-Basic 最深一层（虚线）',
  windowLabel: (stage, recorded, own) => `阶段 ${stage} 的 2 × 2 窗口：编码器保留了${recorded}的值；该像素位于${own}格`,
  chainIntro: (channel, auto) =>
    auto
      ? `经过四次反池化的最大值位置链条（从最深处开始），通道 ${channel}（在最深的池化图中，该像素处数值最大的通道）：`
      : `经过四次反池化的最大值位置链条（从最深处开始），通道 ${channel}：`,
  kept: (stage, position, value) => `阶段 ${stage}：保留在该像素自己的${position}位置（数值 ${value}）`,
  zero: (stage, recorded, own, value) => `阶段 ${stage}：编码器保留的是${recorded}（数值 ${value}）；该像素的${own}位置得到 0，由下一个卷积填补`,
  allZero: (stage, own) => `阶段 ${stage}：这个窗口在 ReLU 之后全是 0，保留的值是 0，该像素的${own}位置无论如何都是 0`,
  keptCount: (kept) =>
    kept === 4
      ? '每一次反池化都把值放回了这个像素自己的位置。'
      : kept === 0
        ? '没有一次反池化把值放在这个像素自己的位置：它显示的内容来自解码器卷积对 0 的填补。'
        : `4 次反池化中有 ${kept} 次把值放回了这个像素自己的位置。`,
  waiting: '网络在这张图像上运行之后（见下方），这里会显示感受野和链条。',
  running: '正在这张图像上运行网络……',
  failed: (error) => `网络运行失败：${error}`,
};
