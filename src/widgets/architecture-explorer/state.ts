/** State of the architecture explorer, and how it is written in the URL (`<id>.net`, `<id>.layer`, `<id>.frame`, `<id>.map`). */
import { parseLayerName } from '../../segnet/core';
import { choiceField, definedFields, intField, type StateCodec } from '../shared/url-state';
import { DEMO_FRAME_INDICES } from '../model/demo-frames';
import type { ArchLayer } from './layers';
import { NET_KINDS, type NetKind } from './networks';

export interface ArchitectureState {
  net: NetKind;
  /** Id of the selected layer (an activation name, 'input' or 'decoder/classifier'). */
  layer: string;
  /** Demo frame whose activations are shown, 0-based. */
  frame: number;
  /** Which of the layer's small maps is shown large, 0-based (clamped to the maps a layer has). */
  map: number;
}

/** Small maps a layer shows at most (element.ts), so the most a link can select. */
export const MAP_COUNT = 16;

/** Every layer id either network can have. */
export const LAYER_ID = /^(input|encoder\/stage[1-5]\/(conv[1-3]|pool)|decoder\/stage[1-5]\/(unpool|layer[1-3])|decoder\/classifier)$/;

export const architectureCodec: StateCodec<ArchitectureState> = {
  defaults: { net: 'basic', layer: 'encoder/stage1/pool', frame: 0, map: 0 },
  parse: (f) =>
    definedFields<ArchitectureState>({
      net: choiceField(f.net, NET_KINDS),
      layer: f.layer !== undefined && LAYER_ID.test(f.layer) ? f.layer : undefined,
      frame: intField(f.frame, 0, DEMO_FRAME_INDICES.length - 1),
      map: intField(f.map, 0, MAP_COUNT - 1),
    }),
  serialize: (s) => ({ net: s.net, layer: s.layer, frame: String(s.frame), map: String(s.map) }),
};

/** A layer id read through the engine's layer-name protocol: its kind, stage and position in the stage. */
function layerPosition(id: string): { kind: ArchLayer['kind']; stage: number; index: number } {
  if (id === 'input') return { kind: 'input', stage: 0, index: 0 };
  const { part, stage, rest } = parseLayerName(id);
  const index = Number(/(\d+)$/.exec(rest)?.[1] ?? 0);
  if (rest === 'pool' || rest === 'unpool' || rest === 'classifier') return { kind: rest, stage: stage ?? 0, index };
  return { kind: part === 'encoder' ? 'conv' : 'decoder-conv', stage: stage ?? 0, index };
}

/**
 * The id of `layers` that best stands in for `id`: itself when present, else the layer of the
 * same kind with the nearest stage and then the nearest position in it (switching networks
 * keeps the reader at "the same place": VGG16's stage 5 conv 3 becomes SegNet-Basic's stage 4 conv).
 */
export function resolveLayer(layers: readonly ArchLayer[], id: string): string {
  if (layers.some((l) => l.id === id)) return id;
  const { kind, stage, index } = layerPosition(id);
  const candidates = layers.filter((l) => l.kind === kind);
  if (candidates.length === 0) return layers[0]!.id;
  const cost = (l: ArchLayer): number => 10 * Math.abs(l.stage - stage) + Math.abs(layerPosition(l.id).index - index);
  return candidates.reduce((best, l) => (cost(l) < cost(best) ? l : best)).id;
}

/** The layer id after a key press in the diagram (arrows, Home, End); null for other keys. */
export function steppedLayer(layers: readonly ArchLayer[], id: string, key: string): string | null {
  const i = layers.findIndex((l) => l.id === id);
  const last = layers.length - 1;
  const next: Record<string, number> = { ArrowRight: i + 1, ArrowDown: i + 1, ArrowLeft: i - 1, ArrowUp: i - 1, Home: 0, End: last };
  const j = next[key];
  if (j === undefined) return null;
  return layers[Math.min(last, Math.max(0, j))]!.id;
}
