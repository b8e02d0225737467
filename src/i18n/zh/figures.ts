import type { en } from '../en';

export const figures: (typeof en)['figures'] = {
  segnet: {
    alt:
      'SegNet 结构：输入图像先经过五个阶段的编码器，每个阶段由若干卷积层组成，末尾的最大池化把特征图缩小一半；' +
      '对称的五阶段解码器在每个阶段开头做反池化，把特征图放大回来；最后由 softmax 为每个像素分类。' +
      '虚线箭头把每个池化层记下的最大池化索引送到同一阶段的反池化层。',
    legend: [
      ['conv', '卷积 + 批量归一化 + ReLU'],
      ['pool', '最大池化（记下索引）'],
      ['unpool', '按索引反池化'],
      ['decoder', '解码器卷积 + 批量归一化 + ReLU'],
      ['softmax', 'softmax 分类器'],
    ],
    caption:
      'SegNet 全貌：每个方块的高度对应该层输出特征图的大小。除了最后一张特征图，编码器交给解码器的只有最大池化索引（虚线）。',
    labels: {
      poolingIndices: '最大池化索引',
      encoder: '编码器',
      decoder: '解码器',
      inputImage: '输入图像',
      image: '图像',
      labelMap: '标签图',
      labels: '标签',
      softmax: 'softmax',
    },
  },
  fcn: {
    alt:
      'FCN-8s 结构：图像经过五次池化缩小到原尺寸的 1/32，随后是改写成卷积的 VGG16 全连接层，再用 1 × 1 卷积得到各类别得分。' +
      '得分先 2 倍上采样，与 pool4 经 1 × 1 卷积得到的得分相加，再 2 倍上采样，与 pool3 的得分相加，最后 8 倍上采样成与输入同样大小的标签图。',
    legend: [
      ['pool', '以池化结尾的卷积层'],
      ['conv', '改写成卷积的全连接层'],
      ['score', '1 × 1 卷积得到类别得分'],
      ['upsample', '可学习的上采样（转置卷积）'],
    ],
    caption:
      'FCN-8s：在输入 1/32 尺度上算出的类别得分，经过三次可学习的上采样回到原尺寸，途中加上更精细的 pool4 和 pool3 特征图给出的得分（即跳跃连接）。',
    labels: {
      image: '图像',
      labels: '标签',
      score: '得分',
      asConv: '改作卷积',
    },
  },
};
