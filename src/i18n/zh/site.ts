import type { en } from '../en';

export const site: (typeof en)['site'] = {
  name: 'Unpooled',
  skipToContent: '跳到正文',
  languageSwitch: '语言',
  readIn: '阅读本页的英文版',
  chaptersNav: '章节',
  footerAbout: '：以 SegNet 为线索讲解语义分割（',
  footerAuthors: 'Badrinarayanan、Kendall 与 Cipolla，',
  footerEnd: '，arXiv:1511.00561）。',
  glossary: '术语表',
  references: '参考文献',
  titleSeparator: ' · ',
};
