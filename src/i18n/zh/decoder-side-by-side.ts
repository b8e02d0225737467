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
  heatMap: (title, height, width) => `${title}，${height} × ${width} 热力图`,
  colourScale: '色标',
  edgeEnergy: '边缘能量',
  error: '误差',
  zeros: '零值占比',
  constant: (channel, stage) =>
    `第 ${stage} 阶段的第 ${channel} 个通道在这张图像上是常数（这个单元被 ReLU 关掉了），没有可比较的内容：请换一个通道试试。`,
  methodScore: (title, ratio) => `${title} ${ratio}×`,
  comparison: (scores) => `相对于池化前特征图的边缘能量：${scores.join('，')}。`,
};
