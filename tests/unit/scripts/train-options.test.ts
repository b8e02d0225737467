import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../../scripts/lib/args';
import { shellQuote } from '../../../scripts/lib/cli';
import { resolveTrainOptions, trainCommand, TRAIN_ARGS, TRAIN_DEFAULTS, type TrainArgs } from '../../../scripts/lib/train-options';

const parse = (...argv: string[]) => parseArgs(argv, TRAIN_ARGS, 'usage') as TrainArgs;

describe('resolveTrainOptions(args) (scripts/lib/train-options.ts)', () => {
  it('fills the defaults and keeps what was given', () => {
    const o = resolveTrainOptions(parse('--decoder', 'fcn', '--batch', '2', '--augment'));
    expect(o).toEqual({ ...TRAIN_DEFAULTS, decoder: 'fcn', batch: 2, augment: true });
  });

  it.each([
    [['--encoder', 'resnet'], "--encoder must be one of basic, vgg16, got 'resnet'"],
    [['--decoder', 'unet'], "--decoder must be one of segnet, fcn, deeplab-largefov, deconvnet, bilinear, got 'unet'"],
    [['--optimizer', 'rmsprop'], "--optimizer must be one of momentum, adam, sgd, got 'rmsprop'"],
    [['--weights', 'inverse'], "--weights must be one of tutorial, median, none, got 'inverse'"],
    [['--epochs', '0'], '--epochs must be a positive integer, got 0'],
    [['--batch', '2.5'], '--batch must be a positive integer, got 2.5'],
    [['--max-steps', '-3'], '--max-steps must be a positive integer, got -3'],
    [['--lr', '-0.1'], '--lr must be a positive number, got -0.1'],
    [['--width-multiplier', '8'], '--width-multiplier must be in (0, 4], got 8'],
    [['--checkpoint-every', '0'], '--checkpoint-every must be a positive integer, got 0'],
    [['--resume', 'runs/a', '--init', 'runs/b'], '--resume and --init cannot be combined'],
  ])('rejects %j, naming the option and the value', (argv, message) => {
    expect(() => resolveTrainOptions(parse(...argv))).toThrow(message);
  });

  it('rejects unknown options and non-numbers before that (args.ts)', () => {
    expect(() => parse('--epoch', '3')).toThrow(/unknown option --epoch; known: --encoder/);
    expect(() => parse('--lr', 'fast')).toThrow("option --lr must be a number, got 'fast'");
  });
});

describe('resolveTrainOptions(args, recorded): resuming', () => {
  const recorded = { ...TRAIN_DEFAULTS, batch: 2, lr: 0.05, epochs: 3 };

  it('keeps the recorded run and lets epochs, max-steps and checkpoint-every change', () => {
    const o = resolveTrainOptions(parse('--resume', 'runs/a', '--epochs', '5', '--max-steps', '7', '--checkpoint-every', '2'), recorded);
    expect(o).toEqual({ ...recorded, epochs: 5, maxSteps: 7, checkpointEvery: 2 });
  });

  it('accepts an option repeated with the recorded value', () => {
    expect(resolveTrainOptions(parse('--resume', 'runs/a', '--batch', '2'), recorded).batch).toBe(2);
  });

  it('refuses an option that would change the run, naming it and both values', () => {
    expect(() => resolveTrainOptions(parse('--resume', 'runs/a', '--batch', '4'), recorded)).toThrow(
      '--batch 4 differs from the run being resumed (2): leave it out to continue that run',
    );
    expect(() => resolveTrainOptions(parse('--resume', 'runs/a', '--augment'), recorded)).toThrow('--augment true differs from the run being resumed (false)');
  });

  it('fixes --epochs too when the learning rate follows a schedule over the run', () => {
    expect(() => resolveTrainOptions(parse('--resume', 'runs/a', '--epochs', '9'), { ...recorded, schedule: 'poly' })).toThrow('--epochs 9 differs from the run being resumed (3)');
  });
});

describe('trainCommand(options)', () => {
  it('spells out the model and data and every option that differs from its default, quoting what the shell would split', () => {
    const options = { ...TRAIN_DEFAULTS, data: 'runs/data/camvid-96x128', decoder: 'fcn' as const, lr: 0.001, augment: true, init: "runs/my run's encoder" };
    expect(trainCommand(options)).toBe(
      "npm run train -- --encoder basic --decoder fcn --data runs/data/camvid-96x128 --lr 0.001 --augment --init 'runs/my run'\\''s encoder'",
    );
    expect(shellQuote('plain-word_1.0/x:y=z')).toBe('plain-word_1.0/x:y=z');
    expect(shellQuote('two words')).toBe("'two words'");
  });
});
