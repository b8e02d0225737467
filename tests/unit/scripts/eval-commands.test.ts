/**
 * The commands a results row lists for a checkpoint trained by factory/: the queue records its
 * trainer by absolute path and the run folder under the home directory; the row gives commands
 * a reader can paste in a checkout of their own.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { trainingCommands } from '../../../scripts/lib/eval-cli';

describe('trainingCommands', () => {
  it('gives a run\'s length as it ended, where a resume changed it', () => {
    const extra = { factory: { command: ['factory/train.py', '--epochs', '40', '--seed', '1'], run: { epochs: 16 } } };
    expect(trainingCommands(extra, null)).toEqual(['python3 factory/train.py --epochs 16 --seed 1']);
  });

  it('writes paths in this checkout from its root, and paths under the home directory from ~', () => {
    const run = join(homedir(), '.cache/unpooled/runs/synthetic-fcn-180x240');
    const extra = {
      factory: {
        command: [join(process.cwd(), 'factory/train.py'), '--out', run, '--decoder', 'fcn', '--name', 'a b'],
        exportCommand: ['factory/export.py', '--run', run, '--out', 'public/models/fcn-decoder-synthetic-180x240'],
      },
    };
    expect(trainingCommands(extra, null)).toEqual([
      "python3 factory/train.py --out ~/.cache/unpooled/runs/synthetic-fcn-180x240 --decoder fcn --name 'a b'",
      'python3 factory/export.py --run ~/.cache/unpooled/runs/synthetic-fcn-180x240 --out public/models/fcn-decoder-synthetic-180x240',
    ]);
  });
});
