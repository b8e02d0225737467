/**
 * The results table: column heads, the paper's tables' titles and settings (by table id; the
 * figures stay in src/data/paper-results.ts), our rows, the note on our numbers, the IoU chart.
 */

/** The words of one table: title, setting, and its cost columns' heads and descriptions. */
export interface TableWords {
  title: string;
  setting: string;
  columns: readonly { label: string; description: string }[];
}

export const resultsTable = {
  /** Between a table's title and its setting in the caption. */
  captionSeparator: ': ',
  variant: 'Variant',
  scoreTitles: { G: 'global accuracy', C: 'class-average accuracy', mIoU: 'mean intersection over union', BF: 'boundary F1' },
  tables: {
    table1: {
      title: 'Table 1: decoder variants with the SegNet-Basic encoder',
      setting: 'CamVid test set, 360 × 480, median-frequency class balancing; inference time on a Titan GPU',
      columns: [
        { label: 'Params (M)', description: 'learnt parameters, millions' },
        { label: 'Storage ×', description: 'encoder memory kept for the decoder, relative to SegNet’s 2-bit indices' },
        { label: 'Infer (ms)', description: 'inference time per image' },
      ],
    },
    table3: {
      title: 'Table 3: the full networks (VGG16 encoder)',
      setting: 'trained on a larger set of road scenes, tested on CamVid; model size, inference memory and forward time from Table 6 (batch 1, 360 × 480, Titan GPU)',
      columns: [
        { label: 'Model (MB)', description: 'size of the trained model' },
        { label: 'Memory (MB)', description: 'GPU memory during inference' },
        { label: 'Forward (ms)', description: 'forward pass time per image' },
      ],
    },
  } as Readonly<Record<string, TableWords>>,
  otherRuns: { title: 'This site’s other runs', setting: 'models with no row in the paper’s tables' },
  /** A model's name as the paper or a run writes it, in the reader's words. */
  variantName: (name: string) => name,
  oursLabel: (name: string) => `this site: ${name}`,
  /** A dataset split's name (train, val, test). */
  split: (split: string) => split,
  /** The second line of our row: data, size and where the inference time was measured. */
  runDetail: (dataset: string, split: string, size: string, backend: string | null, device: string | null) =>
    `${dataset} ${split}, ${size}${backend ? `; timed on ${backend}${device ? `, ${device}` : ''}` : ''}`,
  measuredNote: (date: string) =>
    `Rows marked “this site” were measured on ${date}. They come from our own small models and data, so they show trends, not the paper’s numbers.`,
  deconvnetNote: 'Our DeconvNet leaves out the original’s fully connected bottleneck, so it has exactly SegNet’s parameters and differs only in its transposed convolutions.',
  /** Around the command that made the results. */
  madeWith: { before: 'Made with ', after: '.' },
  runHeading: (name: string, dataset: string, split: string) => `${name} (${dataset} ${split})`,
  commandsSummary: 'The commands that reproduce each of our rows',
  invalid: (error: string) => ` (public/models/results.json could not be read: ${error})`,
  notMeasured: 'Our numbers: not measured yet',
  /** Around the command that measures our numbers. */
  afterTraining: { before: '. After training, ', after: ' writes them; rebuild the site to see them here.' },
  chartAxis: 'IoU (%)',
  absent: 'absent',
  chartLabel: (name: string, dataset: string, split: string) => `Per-class IoU of ${name} on ${dataset} ${split}`,
  chartTitle: (name: string) => `Per-class IoU of ${name} (this site)`,
  chartFailed: (error: string) => `The chart could not load: ${error}`,
  orderBy: 'Order rows by',
  sortLabels: { paper: 'the paper’s order', G: 'G, best first', C: 'C, best first', mIoU: 'mIoU, best first', BF: 'BF, best first' },
  chartOf: 'IoU chart of',
  runOption: (name: string, dataset: string) => `${name} (${dataset})`,
};
