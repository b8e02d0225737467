import type { en } from '../en';

export const site: (typeof en)['site'] = {
  skipToContent: '跳到正文',
  languageSwitch: '语言',
};
