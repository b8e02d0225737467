import type { en } from '../en';

export const homeFigure: (typeof en)['homeFigure'] = {
  intro: '本站运行的 SegNet 逐像素标注的一幅道路场景：每种颜色代表一个类别，例如道路、人行道、建筑或汽车。',
  next: '再标注一条街',
  live: (frame: number, count: number, accuracy: number, backend: string, ms: number) =>
    `刚刚在你的浏览器中完成标注（${backend}，${ms} 毫秒）：道路画面 ${frame}（共 ${count} 帧）。在有标注的像素中，有 ${accuracy}% 与真实标注一致。`,
  alt: (frame: number) => `第 ${frame} 帧道路图像，叠加了网络预测的类别颜色。`,
  failed: (reason: string) => `网络未能标注这一帧（${reason}）。`,
};
