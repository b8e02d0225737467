import type { en } from '../en';

const SPLITS: Record<string, string> = { train: '训练集', val: '验证集', test: '测试集' };

/** The English words in models' names (the paper's and the runs'), in Chinese; the names themselves stay. */
const VARIANT_WORDS: readonly [RegExp, string][] = [
  [/^Bilinear-Interpolation/, '双线性插值'],
  // at the end, or before the run's dataset in brackets (the chart's menu appends it)
  [/, decoder only(?=$|（| \()/, '（仅解码器）'],
  [/ \(learnt deconv\)$/, '（学习的转置卷积）'],
  [/ \(VGG16 x([\d.]+)\)$/, '（VGG16，宽度 ×$1）'],
];
const variantName = (name: string): string => VARIANT_WORDS.reduce((text, [pattern, words]) => text.replace(pattern, words), name);

export const resultsTable: (typeof en)['resultsTable'] = {
  captionSeparator: '：',
  variant: '变体',
  scoreTitles: { G: '全局准确率', C: '类别平均准确率', mIoU: '平均交并比', BF: '边界 F1 分数' },
  tables: {
    table1: {
      title: '表 1：SegNet-Basic 编码器配不同解码器',
      setting: 'CamVid 测试集，360 × 480，按中值频率做类别平衡；推理时间在 Titan GPU 上测得',
      columns: [
        { label: '参数量 (M)', description: '可学习参数，单位为百万' },
        { label: '存储 ×', description: '为解码器保留的编码器内存，以 SegNet 的 2 比特索引为 1' },
        { label: '推理 (ms)', description: '每张图像的推理时间' },
      ],
    },
    table3: {
      title: '表 3：完整网络（VGG16 编码器）',
      setting: '在更大的道路场景数据集上训练，在 CamVid 上测试；模型大小、推理内存和前向时间取自表 6（批量 1，360 × 480，Titan GPU）',
      columns: [
        { label: '模型 (MB)', description: '训练好的模型大小' },
        { label: '内存 (MB)', description: '推理时占用的 GPU 内存' },
        { label: '前向 (ms)', description: '每张图像前向传播一次的时间' },
      ],
    },
  },
  otherRuns: { title: '本站的其他结果', setting: '论文表格中没有对应行的模型' },
  variantName,
  oursLabel: (name) => `本站：${variantName(name)}`,
  split: (split) => SPLITS[split] ?? split,
  runDetail: (dataset, split, size, backend, device) => `${dataset} ${split}，${size}${backend ? `；计时环境：${backend}${device ? `，${device}` : ''}` : ''}`,
  measuredNote: (date) => `标为“本站”的行测于 ${date}。它们出自我们自己的小模型和小数据集，只能说明趋势，不能和论文的数字直接比较。`,
  deconvnetNote: '本站的 DeconvNet 去掉了原版的全连接瓶颈，因此参数量与 SegNet 完全相同，唯一的区别在于它用的是转置卷积。',
  madeWith: { before: '生成命令：', after: '' },
  runHeading: (name, dataset, split) => `${name}（${dataset} ${split}）`,
  commandsSummary: '复现本站每一行结果的命令',
  invalid: (error) => `（无法读取 public/models/results.json：${error}）`,
  notMeasured: '本站的数字：尚未测量',
  afterTraining: { before: '。训练完成后，运行 ', after: ' 即可写入结果；重新构建网站后就会显示在这里。' },
  chartAxis: 'IoU (%)',
  absent: '未出现',
  chartLabel: (name, dataset, split) => `${name} 在 ${dataset} ${split}上的逐类 IoU`,
  chartTitle: (name) => `${name}（本站）的逐类 IoU`,
  chartFailed: (error) => `图表未能加载：${error}`,
  orderBy: '行的顺序',
  sortLabels: { paper: '论文中的顺序', G: '按 G 从高到低', C: '按 C 从高到低', mIoU: '按 mIoU 从高到低', BF: '按 BF 从高到低' },
  chartOf: 'IoU 图',
  runOption: (name, dataset) => `${name}（${dataset}）`,
};
