/**
 * State of the decoder comparison, and how it is written in the URL: `<id>.decoders`
 * (comma-separated, at least two), `<id>.preset` (pretrained or scratch), `<id>.lr`, `<id>.res`
 * (full, half or quarter), `<id>.every` (steps between refreshes of the scores and
 * predictions) and `<id>.data` (the embedded synthetic scenes, or a dataset the reader stored in
 * this browser, by name: a link naming one opens on the synthetic scenes where it is not stored). Whether training runs is not state: a link never starts a computation on the
 * reader's machine by itself. Links from before the five-decoder race (three decoders, no
 * preset) open as they did.
 */
import { DECODER_LABELS as DECODER_LABELS_ALL, RESOLUTIONS as ENGINE_RESOLUTIONS, halfSize, trainingSize } from '../../segnet/core';
import { choiceField, definedFields, intField, type StateCodec } from '../shared/url-state';

/** Every decoder the race can train, in the order they are shown (the first three were the race's before). */
export const COMPARED_DECODERS = ['segnet', 'fcn', 'deeplab-largefov', 'deconvnet', 'bilinear'] as const;
export type ComparedDecoder = (typeof COMPARED_DECODERS)[number];

/** The line-up a race opens with when the link names none. */
export const DEFAULT_DECODERS: readonly ComparedDecoder[] = ['segnet', 'fcn', 'deeplab-largefov'];

/** The engine's decoder labels, for the decoders raced here. */
export const DECODER_LABELS: Readonly<Record<ComparedDecoder, string>> = DECODER_LABELS_ALL;

/** Learning rates offered (Adam); the pretrained checkpoint was trained at 1e-3. */
export const LEARNING_RATES = [0.0001, 0.0003, 0.001, 0.003, 0.01] as const;

/** The engine's sizes (the embedded data's, or half of it each way) and a quarter each way, for races from scratch. */
export const RESOLUTIONS = [...ENGINE_RESOLUTIONS, 'quarter'] as const;
export type Resolution = (typeof RESOLUTIONS)[number];

/** How the race starts: decoders on the frozen pretrained encoder, or whole networks from random weights. */
export const PRESET_NAMES = ['pretrained', 'scratch'] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

export interface Preset {
  /** True: each decoder has its own encoder, from random weights, trained with it. */
  fromScratch: boolean;
  /** The settings choosing the preset puts in place (the reader may change them afterwards). */
  learningRate: number;
  resolution: Resolution;
  /**
   * Steps after which a race of this preset pauses by itself (Start goes on); null: it runs
   * until paused. From scratch: about a minute on two CPU cores with wasm (bench/race.ts).
   */
  steps: number | null;
}

export const PRESETS: Readonly<Record<PresetName, Preset>> = {
  pretrained: { fromScratch: false, learningRate: 0.001, resolution: 'half', steps: null },
  scratch: { fromScratch: true, learningRate: 0.003, resolution: 'quarter', steps: 50 },
};

export const REFRESH_RANGE = { min: 1, max: 100 } as const;

/** The data the race trains on by default: the embedded synthetic road scenes. */
export const SYNTHETIC_DATA = 'synthetic';
/** A dataset stored in this browser by the own-data panel (src/data/browser-import's STORED_NAME). */
export const OWN_DATA_NAME = /^own-[a-z0-9][a-z0-9-]{0,39}$/;

/** The data of a URL or select value: the synthetic scenes, or a stored dataset's name. */
export function parseData(value: string | undefined): string | undefined {
  if (value === SYNTHETIC_DATA) return value;
  return value !== undefined && OWN_DATA_NAME.test(value) ? value : undefined;
}

/** Most rows of a race's input on the reader's data, where a half or a quarter of it allows (chapter 8 quotes it). */
export const OWN_DATA_MAX_ROWS = 64;

/**
 * The resolution a race on the reader's data of `height` rows opens at: the largest whose input
 * is at most OWN_DATA_MAX_ROWS rows (a race of five decoders stays a matter of seconds a step on
 * a CPU), else the smallest.
 */
export function resolutionFor(height: number, width: number): Resolution {
  return RESOLUTIONS.find((r) => inputSize(r, height, width).height <= OWN_DATA_MAX_ROWS) ?? 'quarter';
}

export interface ComparisonState {
  /** At least two of COMPARED_DECODERS, in canonical order. */
  decoders: ComparedDecoder[];
  /** Pretrained encoder, frozen, under each decoder; or every network from scratch. */
  preset: PresetName;
  learningRate: number;
  resolution: Resolution;
  /** Steps between refreshes of the validation scores and the predictions. */
  every: number;
  /** SYNTHETIC_DATA, or the name of a dataset stored in this browser. */
  data: string;
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
  defaults: { decoders: [...DEFAULT_DECODERS], preset: 'pretrained', learningRate: PRESETS.pretrained.learningRate, resolution: PRESETS.pretrained.resolution, every: 5, data: SYNTHETIC_DATA },
  parse: (f) =>
    definedFields<ComparisonState>({
      decoders: parseDecoders(f.decoders),
      preset: choiceField(f.preset, PRESET_NAMES),
      learningRate: parseLearningRate(f.lr),
      resolution: choiceField(f.res, RESOLUTIONS),
      every: intField(f.every, REFRESH_RANGE.min, REFRESH_RANGE.max),
      data: parseData(f.data),
    }),
  serialize: (s) => ({
    decoders: s.decoders.join(','),
    preset: s.preset,
    lr: String(s.learningRate),
    res: s.resolution,
    every: String(s.every),
    data: s.data,
  }),
};

/** Input size of a resolution, for data of `height` x `width` (the engine's trainingSize; quarter: half of half). */
export function inputSize(resolution: Resolution, height: number, width: number): { height: number; width: number } {
  if (resolution === 'quarter') return halfSize(halfSize({ height, width }));
  return trainingSize(resolution, { height, width });
}

/** The change choosing preset `name` makes: the preset, with its learning rate and resolution. */
export function presetPatch(name: PresetName): Pick<ComparisonState, 'preset' | 'learningRate' | 'resolution'> {
  const p = PRESETS[name];
  return { preset: name, learningRate: p.learningRate, resolution: p.resolution };
}

/** What changing from `a` to `b` needs: a rebuild (new networks), or nothing beyond the new value. */
export function needsRebuild(a: ComparisonState, b: ComparisonState): boolean {
  return a.resolution !== b.resolution || a.preset !== b.preset || a.data !== b.data || a.decoders.join() !== b.decoders.join();
}
