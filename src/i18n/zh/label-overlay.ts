import type { en } from '../en';

export const labelOverlay: (typeof en)['labelOverlay'] = {
  classNames: ['天空', '建筑', '杆状物', '道路', '人行道', '树木', '交通标志', '围栏', '汽车', '行人', '骑车人'],
  voidName: '未标注',
  classFallback: (label) => `第 ${label} 类`,
  sentences: (parts) => parts.join(''),
  labels: '标签',
  groundTruth: '真实标注',
  prediction: '网络预测',
  opacity: '不透明度',
  loadingFrames: '正在加载道路图像…',
  running: '网络正在运行…',
  predictionWaiting: '网络运行后，这里会显示它的预测。',
  failed: (error) => `网络处理这张图像时出错：${error}`,
  frame: (n) => `道路图像 ${n}`,
  frameColoured: (n, truth) => `道路图像 ${n}，按${truth ? '真实标注' : '网络预测的标签'}着色`,
  sceneHelp: (frame) => `${frame}。指向一个像素，或用方向键移动（按住 Shift 一次移动 8 像素），即可查看该像素。`,
  truthCaption: (opacity) =>
    `真实标注：场景生成器在每个像素上画出的类别，以 ${opacity}% 的不透明度叠加在图像上。` +
    `条纹像素属于“未标注”，与 CamVid 的做法一样不给类别。`,
  predictionPending: '网络运行后，这里会显示它的预测。',
  predictionCaption: (share) =>
    `网络的预测：每个像素取它认为概率最大的类别。` +
    (share === null ? '这张图像没有可供比较的已标注像素。' : `在已标注的像素中，有 ${share} 与真实标注一致。`),
  pixel: (x, y) => `像素 (${x}, ${y})`,
  labelled: '真实类别：',
  probabilities: '网络给出的类别概率',
  probabilitiesPending: '网络运行后显示。',
  probeWhere: (x, y, name) => `第 ${x} 列、第 ${y} 行的像素，真实类别：${name}。`,
  probeWaiting: '网络运行后会显示各类别的概率。',
  probeNetwork: (classes) => `网络预测：${classes.join('，')}。`,
  legend: '各类别及其在这张图像中所占的比例',
};
