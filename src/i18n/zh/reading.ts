import type { en } from '../en';

export const reading: (typeof en)['reading'] = {
  chapter: (n) => `第 ${n} 章`,
  pagerNav: '上一章与下一章',
  previous: '上一章',
  next: '下一章',
  predictRegion: '先预测，再揭晓',
  predictFirst: '先想一想。',
  revealAnswer: '揭晓答案',
  takeaways: '本章要点',
  citeTitle: (authors, title) => `${authors}：${title}`,
};
