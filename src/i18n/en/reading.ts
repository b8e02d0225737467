/** The reading aids chapters use and the chapter frame: kicker, list, pager, predict, takeaways. */
export const reading = {
  chapter: (n: number): string => `Chapter ${n}`,
  pagerNav: 'Previous and next chapter',
  previous: 'Previous',
  next: 'Next',
  predictRegion: 'Predict, then reveal',
  predictFirst: 'Predict first.',
  revealAnswer: 'Reveal the answer',
  takeaways: 'Key takeaways',
  /** Tooltip of a citation: authors, then title. */
  citeTitle: (authors: string, title: string): string => `${authors}, ${title}`,
};
