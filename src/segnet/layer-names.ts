/**
 * The names of layers and parameters, one protocol for the whole engine and its callers:
 * a recorded activation is "<part>/stage<s>/<layer>" ("encoder/stage2/pool",
 * "decoder/stage1/unpool") or "<part>/<layer>" ("decoder/classifier"), with stages counted
 * from 1; a parameter adds its own path ("encoder/stage2/conv1/conv/filter"). Names are
 * positional, so they also say which weights of two networks correspond.
 */

/** The two halves of every network. */
export type NetworkPart = 'encoder' | 'decoder';

/** A layer's path inside its part: "stage2/conv1" (stage counted from 1). */
export function stageLayer(stage: number, layer: string): string {
  return `stage${stage}/${layer}`;
}

/** The full name of a layer: "encoder/stage2/pool", or "decoder/classifier" without a stage. */
export function layerName(part: NetworkPart, stage: number | null, layer: string): string {
  return stage === null ? `${part}/${layer}` : `${part}/${stageLayer(stage, layer)}`;
}

/**
 * A recorded step inside an encoder convolution: its output before batch norm ("conv") or after
 * batch norm and before the ReLU ("bn"). "encoder/stage1/conv1" itself is the output after the ReLU.
 */
export function convStepName(layer: string, step: 'conv' | 'bn'): string {
  return `${layer}/${step}`;
}

/** Name under which the classifier's output (the logits) is kept alongside the recorded layers. */
export const LOGITS_LAYER = layerName('decoder', null, 'classifier');

/** A layer or parameter name taken apart; stage is null for names outside the stages. */
export interface ParsedLayerName {
  part: string;
  stage: number | null;
  /** What follows the part (and the stage): "pool", "conv1/conv/filter", "classifier". */
  rest: string;
}

/** Reads a name written by layerName (or a parameter's name under it). */
export function parseLayerName(name: string): ParsedLayerName {
  const [part = '', second = '', ...more] = name.split('/');
  const m = /^stage(\d+)$/.exec(second);
  if (m) return { part, stage: Number(m[1]), rest: more.join('/') };
  return { part, stage: null, rest: [second, ...more].filter((x) => x !== '').join('/') };
}

/** Whether a parameter belongs to the encoder (what "encoder only" copies and freezing fixes). */
export function isEncoderName(name: string): boolean {
  return parseLayerName(name).part === 'encoder';
}
