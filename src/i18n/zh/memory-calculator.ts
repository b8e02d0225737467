import { DECODER_LABELS } from '../../segnet/labels';
import type { en } from '../en';

const INDICES = '最大池化索引，每个窗口 2 位';
const NOTHING = '不保留：没有跳跃连接';

/** A space wherever Latin letters or digits meet Chinese characters (the names joined in `note` may be either). */
const spaced = (text: string) =>
  text.replace(/([A-Za-z0-9])(\p{Script=Han})/gu, '$1 $2').replace(/(\p{Script=Han})([A-Za-z0-9])/gu, '$1 $2');

export const memoryCalculator: (typeof en)['memoryCalculator'] = {
  loading: '正在加载内存报告…',
  loadFailed: (error) => `内存报告加载失败：${error}`,
  height: '高度（像素）',
  width: '宽度（像素）',
  encoder: '编码器',
  vggWidth: 'VGG16 宽度',
  decoderNames: { ...DECODER_LABELS, bilinear: '双线性插值' },
  keeps: {
    segnet: INDICES,
    fcn: '每个跳跃连接一张 K 通道的浮点特征图',
    'deeplab-largefov': NOTHING,
    deconvnet: INDICES,
    bilinear: NOTHING,
  },
  basicEncoder: 'SegNet-Basic 编码器',
  vggEncoder: (multiplier) => `VGG16 编码器 × ${multiplier}`,
  title: (encoder, height, width) => `${encoder}，输入 ${height} × ${width}，单张图像`,
  bars: {
    indices: { label: 'SegNet、DeconvNet', what: '索引，每个 2 位' },
    held: { label: 'SegNet（实际存储）', what: '索引，每个占一个 int32' },
    fcn: { label: 'FCN', what: '跳跃连接得分图，float32' },
    encoder: { label: '编码器特征相加', what: '完整特征图，float32' },
  },
  chartTitle: '解码器需要从编码器保留的数据（对数刻度）',
  chartTitleNarrow: '为解码器保留的数据（对数刻度）',
  chartLabel: (bars) => `从编码器保留的字节数，对数刻度：${bars.join('；')}`,
  whatAfterLabel: (what) => `：${what}`,
  sentence: (s) =>
    `${s.title}：SegNet 的索引按每个窗口 2 位计算，只占 ${s.indexBytes} 字节；` +
    `按本引擎的实际存法（每个窗口一个 int32）占 ${s.heldBytes} 字节。` +
    `若改为保留编码器的全部特征图，所需空间是前者的 ${s.first} 倍、后者的 ${s.second} 倍。`,
  note: (keepNothing) =>
    spaced(`${keepNothing.join('和')}不从编码器保留任何数据：它们只对编码器的最后一张特征图做上采样。`) +
    `这里的 DeconvNet 去掉了原版中的全连接瓶颈层，因此它保留的正是 SegNet 的索引，参数量也与 SegNet 完全相同。`,
  tableCaption: (c) =>
    `各解码器对比：${c.title}。SegNet 的 ${c.windows} 个池化窗口按每个 2 位计算需要 ${c.bytes} 字节，` +
    `按本引擎的实际存法（每个一个 int32）需要 ${c.heldBytes} 字节。激活值统计一次前向传播中每一层的输出，均为 float32。`,
  columns: {
    decoder: '解码器',
    keeps: '从编码器保留的内容',
    bytes: '保留字节数',
    relative: '相对索引',
    parameters: '参数量',
    activations: '激活值（一次前向传播）',
  },
  side: {
    names: { height: '高度', width: '宽度' },
    empty: (side) => `${side}为空，`,
    value: (side, raw) => `${side} ${raw} `,
    notWhole: '必须是整数个像素',
    tooSmall: (side, min) => `VGG16 要池化五次，所以${side}至少为 ${min} 像素`,
    tooLarge: (max) => `计算器最多支持 ${max} 像素`,
    problem: (subject, why, current) => `${subject}无法使用：${why}。仍显示 ${current} 的结果。`,
  },
};
