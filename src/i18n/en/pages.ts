/** Headings and fixed sentences of the home, glossary, references and 404 pages. */
export const pages = {
  home: {
    title: 'Unpooled: how SegNet labels every pixel',
    description: 'An explorable explanation of semantic segmentation, told through SegNet and the decoders it is compared with.',
    startReading: (title: string): string => `Start reading: ${title}`,
    resultsRegion: 'Results reported in the SegNet paper',
    network: 'Network',
    miou: 'mIoU',
    boundaryF1: 'Boundary F1',
    forwardMs: 'Forward (ms)',
    modelMb: 'Model (MB)',
    chapters: 'Chapters',
  },
  glossary: {
    title: 'Glossary',
    description: 'The terms of semantic segmentation and SegNet used on this site, each defined in a sentence or two.',
    lede: 'The terms the chapters introduce, in alphabetical order, each with the chapter that explains it.',
    /** Heading of the column that gives each term in the other language. */
    otherTerm: 'Chinese',
  },
  references: {
    title: 'References',
    description: 'The papers and the dataset this explanation of SegNet builds on, with links.',
    lede: 'The papers and the dataset the chapters build on.',
    usedFor: 'Used for',
  },
  notFound: {
    title: 'Page not found',
    description: 'There is no page at this address.',
    before: 'There is no page at this address. Start from the ',
    homeLink: 'home page',
    after: ', or pick a chapter:',
  },
};
