/**
 * State of the decoder comparison, and how it is written in the URL: `<id>.decoders`
 * (comma-separated, at least two), `<id>.lr`, `<id>.res` (full or half) and `<id>.every`
 * (steps between refreshes of the scores and predictions). Whether training runs is not
 * state: a link never starts a computation on the reader's machine by itself.
 */
import { DECODER_LABELS as DECODER_LABELS_ALL, RESOLUTIONS, trainingSize, type Resolution } from '../../segnet/core';
import { choiceField, definedFields, intField, type StateCodec } from '../shared/url-state';

/** The decoders raced on the shared encoder, in the order they are shown. */
export const COMPARED_DECODERS = ['segnet', 'fcn', 'deeplab-largefov'] as const;
export type ComparedDecoder = (typeof COMPARED_DECODERS)[number];

/** The engine's decoder labels, for the decoders raced here. */
export const DECODER_LABELS: Readonly<Record<ComparedDecoder, string>> = DECODER_LABELS_ALL;

/** Learning rates offered (Adam); the pretrained checkpoint was trained at 1e-3. */
export const LEARNING_RATES = [0.0001, 0.0003, 0.001, 0.003, 0.01] as const;

/** The embedded data's size, or half of it each way (four times fewer pixels, much faster). */
export { RESOLUTIONS, type Resolution };

export const REFRESH_RANGE = { min: 1, max: 100 } as const;

export interface ComparisonState {
  /** At least two of COMPARED_DECODERS, in canonical order. */
  decoders: ComparedDecoder[];
  learningRate: number;
  resolution: Resolution;
  /** Steps between refreshes of the validation scores and the predictions. */
  every: number;
}

/** Parses `segnet,fcn`: known names, no repeats, at least two; canonical order. */
export function parseDecoders(value: string | undefined): ComparedDecoder[] | undefined {
  if (value === undefined) return undefined;
  const names = value.split(',').map((s) => s.trim());
  if (names.some((n) => !(COMPARED_DECODERS as readonly string[]).includes(n))) return undefined;
  if (new Set(names).size !== names.length || names.length < 2) return undefined;
  return COMPARED_DECODERS.filter((d) => names.includes(d));
}

/** The learning rate of a URL or select value, when it is one of LEARNING_RATES. */
export function parseLearningRate(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const n = Number(value);
  return LEARNING_RATES.find((r) => r === n);
}

export const comparisonCodec: StateCodec<ComparisonState> = {
  defaults: { decoders: [...COMPARED_DECODERS], learningRate: 0.001, resolution: 'half', every: 5 },
  parse: (f) =>
    definedFields<ComparisonState>({
      decoders: parseDecoders(f.decoders),
      learningRate: parseLearningRate(f.lr),
      resolution: choiceField(f.res, RESOLUTIONS),
      every: intField(f.every, REFRESH_RANGE.min, REFRESH_RANGE.max),
    }),
  serialize: (s) => ({
    decoders: s.decoders.join(','),
    lr: String(s.learningRate),
    res: s.resolution,
    every: String(s.every),
  }),
};

/** Input size of a resolution, for data of `height` x `width` (the engine's trainingSize). */
export function inputSize(resolution: Resolution, height: number, width: number): { height: number; width: number } {
  return trainingSize(resolution, { height, width });
}

/** What changing from `a` to `b` needs: a rebuild (new networks), or nothing beyond the new value. */
export function needsRebuild(a: ComparisonState, b: ComparisonState): boolean {
  return a.resolution !== b.resolution || a.decoders.join() !== b.decoders.join();
}
