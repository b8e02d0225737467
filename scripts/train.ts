/**
 * npm run train -- --encoder basic --decoder segnet --data synthetic-96x128 --epochs 10 --batch 4 [...]
 *
 * Trains a SegNet-family model from the command line (all options: --help, or
 * scripts/lib/train-options.ts). Ctrl-C once: finish the step, write a checkpoint, exit 130;
 * twice: exit at once (checkpoints are written atomically, so the last one stays whole).
 * The npm script runs node with tsx as a loader rather than the tsx CLI: the CLI relays a
 * terminal's SIGINT and kills this process about 60 ms later, long before a training step
 * that blocks the event loop lets the checkpoint be written.
 */
import { TrainingController } from '../src/segnet';
import { trainCli } from './lib/train-cli';
import { errorMessage } from '../src/segnet/core';

const controller = new TrainingController();
const onSignal = (name: NodeJS.Signals): void => {
  if (controller.state === 'aborted') process.exit(130);
  process.stderr.write(`\ntrain: ${name}: stopping after this step to write a checkpoint (again to quit at once)\n`);
  controller.abort();
};
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);

trainCli(process.argv.slice(2), { out: (line) => process.stdout.write(`${line}\n`), progress: process.stderr }, controller)
  .then((status) => {
    process.exitCode = status;
  })
  .catch((err: unknown) => {
    process.stderr.write(`\ntrain: ${errorMessage(err)}\n`);
    process.exitCode = 1;
  });
