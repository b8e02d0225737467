/**
 * Geometry of the architecture diagram, in the style of the SegNet paper's figure: one block
 * per layer from left to right, block height growing with the layer's spatial size (log
 * scale), and an arc from every pooling layer to the unpooling layer that reuses its indices.
 * Nested arcs never cross: the outermost joins stage 1, the innermost the deepest stage.
 */
import { scaleLog } from 'd3-scale';
import { messages, type Messages } from '../../i18n';
import type { ArchLayer } from './layers';

export interface BlockBox {
  layer: ArchLayer;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Written under the block, turned to run upwards: short name and output size ("pool 1 · 48×64×64"). */
  label: string;
}

export interface IndexArc {
  stage: number;
  from: string;
  to: string;
  /** SVG path of the arc, and of the arrow head at the unpooling end. */
  path: string;
  head: string;
}

export interface PartSpan {
  label: string;
  x1: number;
  x2: number;
  /** Where each stage's number goes under this part. */
  stages: { stage: number; x: number }[];
}

export interface DiagramLayout {
  width: number;
  height: number;
  blocks: BlockBox[];
  arcs: IndexArc[];
  parts: PartSpan[];
  /** Baseline of the stage numbers and of the part brackets. */
  stageY: number;
  bracketY: number;
  /** Where "pooling indices" is written, above the outermost arc. */
  arcLabel: { x: number; y: number } | null;
  /** Top of the block labels (their end, as they run upwards). */
  labelY: number;
}

const PAD = 6;
const BLOCK_HEIGHT = { min: 22, max: 118 } as const;
const ARC_GAP = 13;
/** Block labels: 10 px text, so neighbouring blocks need at least this many units apart (element.ts widens the layout to fit). */
export const MIN_BLOCK_UNIT = 13;
/** Generous advance of one character of a 10 px label: Latin, and CJK (full width). */
const LABEL_CHAR = { latin: 6, wide: 10.5 } as const;
/** Coordinates to 0.1 units: crisp enough, and readable in snapshots. */
const round = (v: number): number => Math.round(v * 10) / 10;

/** The layout, its part labels in the words of `t`. */
export function layoutDiagram(layers: readonly ArchLayer[], width = 720, t: Messages['architectureExplorer'] = messages('en').architectureExplorer): DiagramLayout {
  const heights = layers.map((l) => l.shape[0]);
  const size = scaleLog()
    .domain([Math.min(...heights), Math.max(...heights)])
    .range([BLOCK_HEIGHT.min, BLOCK_HEIGHT.max]);
  const stages = Math.max(...layers.map((l) => l.stage));
  const arcsTop = 18 + stages * ARC_GAP;
  const centre = arcsTop + BLOCK_HEIGHT.max / 2;
  const unit = (width - 2 * PAD) / layers.length;
  const blockWidth = round(Math.max(6, Math.min(30, unit * 0.64)));
  const blocks = layers.map((layer, i) => {
    const h = Math.round(size(layer.shape[0]));
    const x = round(PAD + i * unit + (unit - blockWidth) / 2);
    return { layer, x, y: centre - h / 2, width: blockWidth, height: h, label: `${layer.short} · ${layer.shape.join('×')}` };
  });
  const byId = new Map(blocks.map((b) => [b.layer.id, b]));
  const arcs = blocks
    .filter((b) => b.layer.kind === 'unpool' && b.layer.indicesFrom && byId.has(b.layer.indicesFrom))
    .map((to) => indexArc(byId.get(to.layer.indicesFrom!)!, to, arcsTop - 6 - (stages - to.layer.stage) * ARC_GAP));
  const bottom = centre + BLOCK_HEIGHT.max / 2;
  const labelSpace = Math.ceil(Math.max(...blocks.map((b) => labelLength(b.label)))) + 8;
  const outer = arcs.find((a) => a.stage === 1);
  const outerFrom = outer ? byId.get(outer.from)! : null;
  const outerTo = outer ? byId.get(outer.to)! : null;
  return {
    width,
    height: bottom + labelSpace + 46,
    blocks,
    arcs,
    parts: (['encoder', 'decoder'] as const).map((part) => partSpan(blocks, part, t.parts[part])),
    stageY: bottom + labelSpace + 14,
    bracketY: bottom + labelSpace + 22,
    labelY: bottom + 6,
    arcLabel:
      outerFrom && outerTo
        ? { x: round((outerFrom.x + outerTo.x + outerTo.width) / 2), y: arcsTop - 6 - (stages - 1) * ARC_GAP - 5 }
        : null,
  };
}

/** Estimated length of a block label in SVG units. */
export function labelLength(label: string): number {
  let length = 0;
  for (const ch of label) length += /[\u2E80-\uFFEF]/u.test(ch) ? LABEL_CHAR.wide : LABEL_CHAR.latin;
  return length;
}

/** An arc over the blocks from a pooling block's top to an unpooling block's top, at height `level`. */
function indexArc(from: BlockBox, to: BlockBox, level: number): IndexArc {
  const x1 = round(from.x + from.width / 2);
  const x2 = round(to.x + to.width / 2);
  const r = Math.min(8, (x2 - x1) / 2);
  const end = to.y - 1;
  const path = `M${x1},${from.y} V${level + r} Q${x1},${level} ${x1 + r},${level} H${x2 - r} Q${x2},${level} ${x2},${level + r} V${end - 4}`;
  const head = `M${x2 - 3.5},${end - 5} L${x2},${end} L${x2 + 3.5},${end - 5} Z`;
  return { stage: to.layer.stage, from: from.layer.id, to: to.layer.id, path, head };
}

function partSpan(blocks: readonly BlockBox[], part: 'encoder' | 'decoder', label: string): PartSpan {
  const own = blocks.filter((b) => b.layer.part === part);
  const stageNumbers = [...new Set(own.map((b) => b.layer.stage))];
  return {
    label,
    x1: own[0]!.x,
    x2: round(own[own.length - 1]!.x + own[own.length - 1]!.width),
    stages: stageNumbers.map((stage) => {
      const group = own.filter((b) => b.layer.stage === stage);
      return { stage, x: round((group[0]!.x + group[group.length - 1]!.x + group[group.length - 1]!.width) / 2) };
    }),
  };
}
