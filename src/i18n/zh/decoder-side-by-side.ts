import type { en } from '../en';

export const decoderSideBySide: (typeof en)['decoderSideBySide'] = {
  stage: '编码器阶段',
  stageOption: (stage, height, width, pooledHeight, pooledWidth) => `${stage}（${height} × ${width} → 池化后 ${pooledHeight} × ${pooledWidth}）`,
  channel: '通道',
  mostVaried: '变化最大的通道',
  waiting: '这组对比用的是网络自己的编码器特征：网络运行之后就会显示。',
  upsampling: '正在上采样…',
  failed: (error) => `网络运行出错：${error}`,
  panels: {
    reference: { title: '池化之前', note: '编码器的特征图，也就是要恢复的目标' },
    pooled: { title: '池化之后', note: '解码器拿到的输入' },
    unpool: { title: '按索引反池化', note: 'SegNet：每个最大值放回原位，其余位置补零；没有参数' },
    transposed: { title: '转置卷积', note: 'FCN：4×4 卷积核，步长 2，以双线性插值初始化（之后再学习）' },
    bilinear: { title: '双线性插值', note: '由最近的四个值按固定权重算出；没有参数' },
  },
  learnt: {
    segnet: {
      input: {
        title: 'SegNet 解码器：反池化后',
        note: '训练好的解码器在这一阶段自己的输入，用同样的索引反池化：仍然是稀疏的。它的通道是解码器的特征，不是编码器的',
      },
      output: {
        title: 'SegNet 解码器：经 7×7 卷积和批量归一化之后',
        note: '这一阶段的输出：每个值都由全部 64 个反池化通道在 7×7 范围内的值按学到的权重混合而成，再做批量归一化。下一阶段拿到的就是它',
      },
      sentence: (stage, zerosIn, zerosOut) =>
        `训练好的 SegNet 解码器第 ${stage} 阶段拿到反池化后的特征图（零值占 ${zerosIn}），经过学到的 7 × 7 卷积和批量归一化，输出一张稠密的特征图（零值占 ${zerosOut}）：稀疏的特征图只是中间结果，不是解码器的输出。它的通道是另一组特征，所以不在它们上面计算误差和最大值归位率。`,
    },
  },
  heatMap: (title, height, width) => `${title}，${height} × ${width} 热力图`,
  colourScale: '色标',
  error: '误差',
  inPlace: '最大值归位率',
  zeros: '零值占比',
  constant: (channel, stage) =>
    `第 ${stage} 阶段的第 ${channel} 个通道在这张图像上是常数（这个单元被 ReLU 关掉了），没有可比较的内容：请换一个通道试试。`,
  methodScore: (title, value) => `${title} ${value}`,
  errorDefined: (scores) => `误差是与池化前特征图之差的均方根，再除以该特征图的取值范围（0 表示完全复原）：${scores.join('，')}。`,
  inPlaceDefined: (scores) => `最大值归位率是 2 × 2 池化窗口中，最大值仍落在池化前最大值所在位置的窗口所占的比例：${scores.join('，')}。`,
  sentences: (parts) => parts.join(''),
  zerosDefined: (scores) => `零值占比是恰好为 0 的值所占的比例：${scores.join('，')}。`,
};
