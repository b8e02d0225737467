/** One row of `npm run bench -- --json` (scripts/bench.ts), as bench/compare.ts reads it back. */
export interface BenchRow {
  backend: string;
  model: string;
  size: string;
  inferMsPerImage: number;
  trainMsPerStep: number | null;
  trainImagesPerSecond: number | null;
  note: string;
}
