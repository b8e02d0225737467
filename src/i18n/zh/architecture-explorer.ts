import type { en } from '../en';
import { labelOverlay } from './label-overlay';

const PART = { encoder: '编码器', decoder: '解码器' };

export const architectureExplorer: (typeof en)['architectureExplorer'] = {
  network: '网络',
  basicChoice: (height, width) => `SegNet-Basic（在本页运行，${height} × ${width}）`,
  vggChoice: (height, width) => `以 VGG16 为编码器的 SegNet（论文配置，${height} × ${width}）`,
  networkNames: { basic: 'SegNet-Basic', vgg16: 'SegNet（VGG16 编码器）' },
  parts: PART,
  convTitle: (part, stage, index) => `${PART[part]}第 ${stage} 阶段 · 第 ${index} 个卷积`,
  poolTitle: (stage) => `编码器第 ${stage} 阶段 · 最大池化`,
  unpoolTitle: (stage) => `解码器第 ${stage} 阶段 · 反池化`,
  convShort: (part, stage, index) => `${part === 'encoder' ? '卷积' : '解码'} ${stage}.${index}`,
  poolShort: (stage) => `池化 ${stage}`,
  unpoolShort: (stage) => `反池化 ${stage}`,
  inputShort: '输入',
  classifierShort: '分类器',
  inputTitle: '输入图像',
  classifierTitle: '像素级分类器',
  inputBasic: 'RGB 像素，跨通道做局部响应归一化',
  inputVgg: 'RGB 像素，缩放到 [−1, 1]',
  conv: (k, cin, cout, relu) => `${k}×${k} 卷积，${cin} → ${cout} 个通道，批量归一化${relu ? '，ReLU' : ''}`,
  pool: '2×2 最大池化，步长 2，并记下每个最大值的位置',
  unpool: (stage) => `用编码器第 ${stage} 阶段的池化索引做 ×2 上采样`,
  classifier: (k, cin, classes) => `${k}×${k} 卷积，${cin} → 每个像素 ${classes} 个类别得分，再经 softmax`,
  parameters: (count) => (count === null ? '没有参数' : `${count} 个参数`),
  summary: (title, operation, shape, parameters) => `${title}：${operation}。输出 ${shape}；${parameters}。`,
  diagram: (network) => `${network} 的结构图：从输入到分类器的各层；弧线传递池化索引`,
  layersOf: (network) => `${network} 的各层`,
  arcLabel: '池化索引',
  kinds: {
    input: '输入',
    conv: '卷积 + 批量归一化 + ReLU',
    pool: '最大池化（保留索引）',
    unpool: '按索引反池化',
    'decoder-conv': '解码器卷积 + 批量归一化',
    classifier: '分类器 + softmax',
  },
  selectedLayer: (title) => `选中的层：${title}`,
  operation: '运算',
  output: '输出',
  outputShape: (shape, sizeNote) => `${shape}（高 × 宽 × 通道数）${sizeNote ? `，${sizeNote}` : ''}`,
  parametersHeading: '参数量',
  none: '无',
  sizeBasic: (height, width) => `对应 ${height} × ${width} 的图像`,
  sizeVgg: (height, width) => `对应论文中 ${height} × ${width} 的图像`,
  maximumAt: ['最大值在左上', '最大值在右上', '最大值在左下', '最大值在右下'],
  vggOnly:
    '本页运行的是 SegNet-Basic：在上方选择它即可看到特征图。VGG16 网络只根据各层的形状绘制和计数，并不真的构建它的 2900 万个参数。',
  loadingFrames: '正在加载道路图像…',
  modelWanted: '网络运行后会显示特征图（见下方）。',
  running: '网络正在处理这张图像…',
  failed: (error) => `网络运行出错：${error}`,
  mapChoices: '选择一张特征图放大查看',
  showLarge: (label, height, width) => `${label}（${height} × ${width}）：放大查看`,
  large: (label, height, width) => `${label}，放大显示：${height} × ${width}，每个数值一个方块`,
  poolWindows: (zeroPercent, channels, topLeftPercent) =>
    `在 ${zeroPercent}% 的 2×2 窗口里（全部 ${channels} 个通道），四个值经过 ReLU 后都是零：最大值出现并列，并列时取第一个位置，即左上。` +
    `所以索引图中有 ${topLeftPercent}% 的格子是左上。`,
  channelWindows: (label, zeroPercent, topLeftPercent) => `${label}：${zeroPercent}% 的 2×2 窗口全为零；${topLeftPercent}% 的索引指向左上。`,
  channel: (n) => `通道 ${n}`,
  itsIndices: '它的索引',
  classNames: labelOverlay.classNames,
  classFallback: (n) => `第 ${n} 类`,
  colour: '彩色',
  rgb: ['红', '绿', '蓝'],
  inputCaption: (frame) => `第 ${frame} 张图像及其三个颜色通道，也就是网络的输入。`,
  classifierCaption: (frame, classes) =>
    `第 ${frame} 张图像上每个类别一张得分图，每张图按自身的最小值（黑）到最大值（白）缩放；softmax 把每个像素的 ${classes} 个得分变成概率。`,
  channelsCaption: (shown, channels, frame) =>
    `第 ${frame} 张图像上 ${channels} 个通道中的第 1–${shown} 个，每张图按自身的最小值（黑）到最大值（白）缩放。`,
  poolCaption: (shown, channels, frame) =>
    `第 ${frame} 张图像上 ${channels} 个通道中的第 1–${shown} 个，每张图按自身的最小值（黑）到最大值（白）缩放，旁边是它的索引图：颜色表示最大值在 2×2 窗口中的位置。`,
  unpoolCaption: (shown, channels, frame, zeros) =>
    `第 ${frame} 张图像上 ${channels} 个通道中的第 1–${shown} 个，每张图按数值大小显示，从零（黑）到最大值（白）。` +
    `${zeros}% 的值为零：每个窗口只拿回了它的最大值。`,
  table: {
    caption: '可学习参数（百万）：本页按各层形状统计的数目，以及 SegNet 论文报告的数目',
    here: '本页',
    paper: '论文',
    encoder: '编码器',
    decoder: '解码器 + 分类器',
    total: '合计',
  },
};
