import type { en } from '../en';

export const pages: (typeof en)['pages'] = {
  home: {
    title: 'Unpooled：SegNet 如何给每个像素贴上标签',
    description: '一份可以动手探索的语义分割讲解，以 SegNet 以及与它对比的几种解码器为线索。',
    startReading: (title) => `开始阅读：${title}`,
    resultsRegion: 'SegNet 论文报告的结果',
    network: '网络',
    miou: '平均交并比（mIoU）',
    boundaryF1: '边界 F1',
    forwardMs: '前向耗时（毫秒）',
    modelMb: '模型大小（MB）',
    chapters: '章节',
  },
  glossary: {
    title: '术语表',
    description: '本站用到的语义分割与 SegNet 术语，中英对照，每条用一两句话解释。',
    lede: '各章引入的术语，按拼音排序，附英文原名和讲解它的章节。',
    otherTerm: '英文',
  },
  references: {
    title: '参考文献',
    description: '本站讲解 SegNet 所依据的论文和数据集，附链接。',
    lede: '各章所依据的论文和数据集。论文标题保留原文。',
    usedFor: '本站用到：',
  },
  notFound: {
    title: '页面不存在',
    description: '这个地址没有对应的页面。',
    before: '这个地址没有对应的页面。可以回到',
    homeLink: '首页',
    after: '，或者挑一章开始读：',
  },
};
