/** State of the architecture explorer, and how it is written in the URL (`<id>.net`, `<id>.layer`, `<id>.frame`). */
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
}

/** Every layer id either network can have. */
export const LAYER_ID = /^(input|encoder\/stage[1-5]\/(conv[1-3]|pool)|decoder\/stage[1-5]\/(unpool|layer[1-3])|decoder\/classifier)$/;

export const architectureCodec: StateCodec<ArchitectureState> = {
  defaults: { net: 'basic', layer: 'encoder/stage1/pool', frame: 0 },
  parse: (f) =>
    definedFields<ArchitectureState>({
      net: choiceField(f.net, NET_KINDS),
      layer: f.layer !== undefined && LAYER_ID.test(f.layer) ? f.layer : undefined,
      frame: intField(f.frame, 0, DEMO_FRAME_INDICES.length - 1),
    }),
  serialize: (s) => ({ net: s.net, layer: s.layer, frame: String(s.frame) }),
};

const numberIn = (id: string, word: string): number => Number(new RegExp(`${word}(\\d+)`).exec(id)?.[1] ?? 0);

/**
 * The id of `layers` that best stands in for `id`: itself when present, else the layer of the
 * same kind with the nearest stage and then the nearest position in it (switching networks
 * keeps the reader at "the same place": VGG16's stage 5 conv 3 becomes SegNet-Basic's stage 4 conv).
 */
export function resolveLayer(layers: readonly ArchLayer[], id: string): string {
  if (layers.some((l) => l.id === id)) return id;
  const kind = id === 'input' ? 'input' : id.endsWith('/pool') ? 'pool' : id.endsWith('/unpool') ? 'unpool' : id.startsWith('encoder') ? 'conv' : id.endsWith('classifier') ? 'classifier' : 'decoder-conv';
  const stage = numberIn(id, 'stage');
  const index = numberIn(id, kind === 'conv' ? 'conv' : 'layer');
  const candidates = layers.filter((l) => l.kind === kind);
  if (candidates.length === 0) return layers[0]!.id;
  const cost = (l: ArchLayer): number => 10 * Math.abs(l.stage - stage) + Math.abs(numberIn(l.id, kind === 'conv' ? 'conv' : 'layer') - index);
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
