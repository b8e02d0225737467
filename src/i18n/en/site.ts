/** The site's frame: header, footer, skip link, language switch. */
export const site = {
  skipToContent: 'Skip to content',
  languageSwitch: 'Language',
};
