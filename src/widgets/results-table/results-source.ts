/**
 * Build-time only (the results table's .astro front matter): this site's measured results, read
 * from public/models/results.json when the file exists, so the page never requests a missing file.
 */
import { existsSync, readFileSync } from 'node:fs';
import { publicFile } from '../model/sources';
import { parseResults, RESULTS_PATH, type ResultsFile } from '../../data/results-file';

/** What the table receives: the results, or why there are none. */
export type ResultsSource = { state: 'measured'; results: ResultsFile } | { state: 'missing' } | { state: 'invalid'; error: string };

export function readResultsSource(root = process.cwd()): ResultsSource {
  const path = publicFile(RESULTS_PATH, root);
  if (!existsSync(path)) return { state: 'missing' };
  try {
    return { state: 'measured', results: parseResults(JSON.parse(readFileSync(path, 'utf8'))) };
  } catch (e) {
    return { state: 'invalid', error: (e as Error).message };
  }
}
