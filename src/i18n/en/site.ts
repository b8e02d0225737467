/** The site's frame: header, footer, skip link, language switch, page titles. */
export const site = {
  name: 'Unpooled',
  skipToContent: 'Skip to content',
  languageSwitch: 'Language',
  /** Title of the language switch's link, in the language of the page it is on. */
  readIn: 'Read this page in Chinese',
  chaptersNav: 'Chapters',
  /** Footer: the site name, then this, then the paper's authors, title and arXiv number. */
  footerAbout: ': semantic segmentation explained through SegNet (',
  footerAuthors: 'Badrinarayanan, Kendall and Cipolla, ',
  footerEnd: ', arXiv:1511.00561). ',
  glossary: 'Glossary',
  references: 'References',
  /** Separator between a page's title and the site name in the window title. */
  titleSeparator: ' · ',
};
