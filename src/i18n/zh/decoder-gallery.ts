import type { en } from '../en';

export const decoderGallery: (typeof en)['decoderGallery'] = {
  zoom: '放大镜',
  zoomOption: (zoom) => `放大 ${zoom} 倍`,
  photo: '照片',
  truth: '真实标注',
  decoders: {
    segnet: 'SegNet（索引）',
    fcn: 'FCN（学习的转置卷积）',
    'deeplab-largefov': 'DeepLab-LargeFOV（空洞卷积）',
    deconvnet: 'DeconvNet（索引 + 转置卷积）',
    bilinear: '双线性（固定）',
  },
  scoresLabel: (name) => `${name}：整帧与放大镜内的 mIoU 和 BF`,
  frameRow: '整帧',
  lensRow: '放大镜内',
  notInBuild: '本次构建中没有',
  running: (count) => `正在让 ${count} 种解码器处理这一帧……`,
  waiting: '组件进入视野后，解码器开始运行。',
  failed: (error) => `解码器无法运行：${error}`,
  lensArea: (x, y, zoom) => `边界放大镜位于像素 (${x}, ${y})，放大 ${zoom} 倍。方向键移动它，按住 Shift 再按方向键移得更远，加号和减号改变放大倍数。`,
  lensLabel: (name) => `${name}，放大镜内`,
  wholeLabel: (name) => `${name}，整帧`,
  caption: (frame, tolerance) =>
    `合成验证集的第 ${frame} 帧道路图像，以及每种解码器给出的标注；方框标出放大镜的位置，每张图下方是放大后的区域。mIoU：对真实标注中出现的各个类别，取预测像素与真实像素的交集除以并集，再求平均。BF：边界 F1 分数，一个预测的边界像素，若在 ${tolerance} 像素（图像对角线的 0.75%）之内有同类的真实边界，就算正确。放大镜内的两项分数只用放大镜内的像素计算。`,
  summary: (count) => `${count} 种在合成场景上训练的解码器，共用一个 SegNet-Basic 编码器`,
  noDecoders: '本次构建没有训练好的解码器：运行训练工厂的合成计划并导出它们（见 README 的“Pretrained checkpoints”）。',
};
