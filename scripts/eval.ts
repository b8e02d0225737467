/**
 * npm run eval -- --checkpoint <dir> [--split test|val] [--data name] [--json]
 *
 * Scores a checkpoint on a dataset split (see scripts/lib/eval-cli.ts): G, C, mIoU, BF,
 * per-class scores and the confusion matrix, as tables or one JSON document.
 */
import { evalCli } from './lib/eval-cli';
import { errorMessage } from '../src/segnet/core';

evalCli(process.argv.slice(2), { out: (line) => process.stdout.write(`${line}\n`), progress: process.stderr })
  .then((status) => {
    process.exitCode = status;
  })
  .catch((err: unknown) => {
    process.stderr.write(`eval: ${errorMessage(err)}\n`);
    process.exitCode = 1;
  });
