import type { en } from '../en';

const AHEAD = '由本页的网络事先算好';

export const fallbacks: (typeof en)['fallbacks'] = {
  shares: (parts) => (parts.length > 0 ? parts.map((p) => `${p.name} ${p.percent}%`).join('、') : '没有任何类别'),
  overlayAlt: (frame, opacity, shares) => `道路画面 ${frame}，叠加了网络预测的类别（不透明度 ${opacity}%）：主要是${shares}。`,
  overlayCaption: (frame, accuracy) => `${AHEAD}：道路画面 ${frame} 每个像素上最可能的类别。在有标注的像素中，有 ${accuracy}% 与真实标注一致。`,
  featureMaps: (count, channels, layer, height, width, frame) => `道路画面 ${frame} 在“${layer}”这一层的 ${channels} 张特征图中的前 ${count} 张（每张 ${height} x ${width}）`,
  architectureAlt: (what) => `${what}的灰度图，排成两行、每行四张：通道响应最强处为白色，最弱处为黑色。`,
  stageAlt: (channel, frame, height, width) =>
    `道路画面 ${frame} 上编码器第 1 阶段通道 ${channel} 的四张灰度图，从左到右：7 × 7 卷积之后、批量归一化之后（${height} x ${width}，最低处为黑色，最高处为白色）、ReLU 之后和 2 × 2 最大池化之后（零为黑色，最大值为白色）。`,
  stageCaption: (channel, frame, zero) => `${AHEAD}：道路画面 ${frame} 上编码器第 1 阶段的通道 ${channel}，依次经过卷积、批量归一化、ReLU（特征图中有 ${zero}% 的值变成零）和最大池化。`,
  architectureCaption: (what) => `${AHEAD}：${what}，每张都按各自的最小值（黑）到最大值（白）显示。`,
  architectureIndicesAlt: (what) => `${what}，排成两行：每张灰度特征图（通道响应最强处为白色，最弱处为黑色）后面紧跟它的索引图，颜色表示每个 2 × 2 窗口中最大值所在的位置。`,
  architectureIndicesCaption: (what) =>
    `${AHEAD}：${what}。每张灰度特征图都按各自的最小值（黑）到最大值（白）显示；旁边是它的索引图，标出每个 2 × 2 窗口中最大值的位置：橙色为左上，天蓝为右上，绿色为左下，粉色为右下。`,
  channelOf: (channel, stage, frame) => `道路画面 ${frame} 上编码器第 ${stage} 阶段的第 ${channel} 个通道`,
  panels: {
    reference: '池化前',
    pooled: '池化后',
    unpool: '按最大池化索引反池化',
    transposed: '转置卷积',
    bilinear: '双线性插值',
    'segnet-input': '训练好的 SegNet 解码器在这一阶段自己反池化后的特征图',
    'segnet-output': '这一阶段经学到的 7×7 卷积和批量归一化之后的输出',
  },
  sideBySideAlt: (what, height, width, panels) =>
    `${what}的六张热力图，每张 ${height} x ${width}，排成两行、每行三张，从左到右依次是：${panels.join('；')}。黄色表示强，深蓝表示弱；最后两张各用自己的色标。`,
  sideBySideCaption: (what, methods) =>
    `${AHEAD}：${what}在池化前的样子，以及池化后分别经${methods.slice(0, 3).join('、')}恢复的结果；下一行是${methods.slice(3).join('，以及')}（从左到右、从上到下）。`,
  boundaryAlt: (frame, tolerance) =>
    `调暗的道路画面 ${frame}，并排两张：左边是真实的类别边界，右边是网络预测的边界。蓝色边界像素与另一张图的边界相距不超过 ${tolerance} 像素，橙色的则超出这个距离。`,
  boundaryCaption: (frame, score, value) => `${AHEAD}：道路画面 ${frame} 的真实标注图与预测标签图的边界。${score}：${value}。`,
  provenanceAlt: (frame, row, col, sizes, deeplab) =>
    `道路画面 ${frame} 出现两次。左边带有网络的标签，像素（第 ${row} 行，第 ${col} 列）位于嵌套的方框中：它所来自的编码器单元的感受野，边长 ${sizes.join('、')} 个像素，在边界处截断。右边是原图，青色方框是 DeepLab-LargeFOV 对同一像素 ${deeplab} 像素的感受野，品红方框是 SegNet-Basic 最深一层的感受野。`,
  provenanceCaption: (frame, row, col, sizes, deeplab, channel, kept) =>
    `${AHEAD}：道路画面 ${frame} 中像素（第 ${row} 行，第 ${col} 列）的值从哪里来。它周围 SegNet-Basic 编码器的感受野边长为 ${sizes.join('、')} 个像素；DeepLab-LargeFOV 的为 ${deeplab}。跟踪通道 ${channel} 时，4 次反池化中有 ${kept} 次把值放回了该像素自己的位置。`,
  galleryAlt: (frame, names) => `合成验证集的道路画面 ${frame}，接着是它的真实标注，然后是 ${names.join('、')} 的标签图，每行四张。`,
  galleryCaption: (frame, scores) => `由共用一个 SegNet-Basic 编码器的各个训练好的解码器事先算好：道路画面 ${frame}、它的真实标注和每种解码器的标注（${scores.join('；')}）。`,
  galleryScore: (name, miou, bf) => `${name} mIoU ${miou}，BF ${bf}`,
};
