/**
 * Pure renders of the architecture explorer: the diagram (SVG), the panel of the selected
 * layer with its feature maps, the colour legend and the parameter table.
 */
import { format } from 'd3-format';
import { h, pixelCanvas, s } from '../shared/dom';
import { INDEX_COLOURS, INDEX_NAMES, type Tile } from './feature-maps';
import type { ArchLayer, LayerKind } from './layers';
import type { DiagramLayout } from './layout';
import type { NetworkSummary } from './networks';

const count = format(',');
const millions = (n: number): string => `${format('.3~f')(n / 1e6)} M`;

/** "96 × 128 × 64" */
export const shapeText = (shape: readonly number[]): string => shape.join(' × ');

/** What a layer is, in one line, for its accessible name and tooltip. */
export function layerSummary(layer: ArchLayer): string {
  const params = layer.params > 0 ? `${count(layer.params)} parameters` : 'no parameters';
  return `${layer.title}: ${layer.operation}. Output ${shapeText(layer.shape)}; ${params}.`;
}

/** The diagram: a radio group of layer blocks (arrow keys move the selection, handled by the shell). */
export function renderDiagram(layout: DiagramLayout, selected: string, networkName: string): SVGSVGElement {
  const svg = s('svg', {
    class: 'arch-diagram',
    viewBox: `0 0 ${layout.width} ${layout.height}`,
    role: 'group',
    'aria-label': `Diagram of ${networkName}: layers from input to classifier; arcs carry the pooling indices`,
  });
  const selectedArc = layout.blocks.find((b) => b.layer.id === selected)?.layer;
  const arcs = s('g', { class: 'index-arcs', 'aria-hidden': 'true' });
  for (const arc of layout.arcs) {
    const on = selectedArc !== undefined && (arc.from === selectedArc.id || arc.to === selectedArc.id);
    arcs.append(s('g', { class: on ? 'index-arc is-selected' : 'index-arc' }, s('path', { d: arc.path, class: 'arc-line' }), s('path', { d: arc.head, class: 'arc-head' })));
  }
  if (layout.arcLabel) {
    arcs.append(s('text', { x: layout.arcLabel.x, y: layout.arcLabel.y, 'text-anchor': 'middle', class: 'arc-label' }, 'pooling indices'));
  }
  const group = s('g', { role: 'radiogroup', 'aria-label': `Layers of ${networkName}` });
  for (const b of layout.blocks) {
    const isSelected = b.layer.id === selected;
    group.append(
      s(
        'g',
        {
          class: `block block-${b.layer.kind}${isSelected ? ' is-selected' : ''}`,
          role: 'radio',
          'aria-checked': String(isSelected),
          'aria-label': layerSummary(b.layer),
          tabindex: isSelected ? 0 : -1,
          'data-layer': b.layer.id,
        },
        s('title', {}, layerSummary(b.layer)),
        s('rect', { x: b.x - 3, y: b.y - 3, width: b.width + 6, height: b.height + 6, class: 'block-hit', rx: 3 }),
        s('rect', { x: b.x, y: b.y, width: b.width, height: b.height, rx: 2, class: 'block-body' }),
      ),
    );
  }
  const labels = s('g', { class: 'part-labels', 'aria-hidden': 'true' });
  for (const part of layout.parts) {
    labels.append(s('path', { d: `M${part.x1},${layout.bracketY - 4} V${layout.bracketY} H${part.x2} V${layout.bracketY - 4}`, class: 'part-bracket' }));
    labels.append(s('text', { x: (part.x1 + part.x2) / 2, y: layout.bracketY + 16, 'text-anchor': 'middle', class: 'part-label' }, part.label));
    for (const st of part.stages) labels.append(s('text', { x: st.x, y: layout.stageY, 'text-anchor': 'middle', class: 'stage-number' }, String(st.stage)));
  }
  svg.append(arcs, group, labels);
  return svg;
}

/** What the colours mean. */
export const KIND_LEGEND: readonly { kind: LayerKind; label: string }[] = [
  { kind: 'input', label: 'input' },
  { kind: 'conv', label: 'conv + batch norm + ReLU' },
  { kind: 'pool', label: 'max pooling (keeps indices)' },
  { kind: 'unpool', label: 'unpooling with indices' },
  { kind: 'decoder-conv', label: 'decoder conv + batch norm' },
  { kind: 'classifier', label: 'classifier + softmax' },
];

export function renderKindLegend(): HTMLUListElement {
  return h(
    'ul',
    { class: 'widget-legend arch-legend' },
    ...KIND_LEGEND.map((k) => h('li', {}, h('span', { class: `swatch kind-${k.kind}`, 'aria-hidden': 'true' }), k.label)),
  );
}

/** The feature maps, or a line saying why there are none. */
export type MapsView =
  | { state: 'ready'; caption: string; tiles: Tile[] }
  | { state: 'message'; message: string };

export interface LayerPanelView {
  layer: ArchLayer;
  /** "at 96 × 128" or "at 360 × 480, the paper's size". */
  sizeNote: string;
  maps: MapsView;
}

function renderTile(tile: Tile): HTMLElement {
  return h(
    'figure',
    { class: `map-tile tile-${tile.kind}` },
    pixelCanvas(tile.rgba, tile.width, tile.height, `${tile.label} (${tile.width} × ${tile.height})`),
    h('figcaption', {}, tile.label),
  );
}

function renderIndexLegend(): HTMLUListElement {
  return h(
    'ul',
    { class: 'widget-legend index-legend' },
    ...INDEX_NAMES.map((name, i) => {
      const [r, g, b] = INDEX_COLOURS[i]!;
      return h('li', {}, h('span', { class: 'swatch', style: `background: rgb(${r} ${g} ${b})`, 'aria-hidden': 'true' }), `maximum ${name}`);
    }),
  );
}

export function renderLayerPanel(view: LayerPanelView): HTMLElement {
  const { layer, maps } = view;
  const facts = h(
    'dl',
    { class: 'layer-facts' },
    h('dt', {}, 'Operation'),
    h('dd', {}, layer.operation),
    h('dt', {}, 'Output'),
    h('dd', {}, `${shapeText(layer.shape)} (height × width × channels) ${view.sizeNote}`),
    h('dt', {}, 'Parameters'),
    h('dd', {}, layer.params > 0 ? count(layer.params) : 'none'),
  );
  const body =
    maps.state === 'message'
      ? h('p', { class: 'maps-message' }, maps.message)
      : h(
          'div',
          { class: 'maps' },
          h('p', { class: 'maps-caption' }, maps.caption),
          h('div', { class: `map-grid${maps.tiles.length <= 4 ? ' is-large' : ''}` }, ...maps.tiles.map(renderTile)),
          maps.tiles.some((t) => t.kind === 'indices') ? renderIndexLegend() : null,
        );
  return h('section', { class: 'layer-panel', 'aria-label': `Selected layer: ${layer.title}` }, h('p', { class: 'layer-title' }, layer.title), facts, body);
}

/** Encoder, decoder and total parameters of both networks, with the paper's figures. */
export function renderParameterTable(networks: readonly NetworkSummary[]): HTMLElement {
  const cell = (n: number | null): HTMLTableCellElement => h('td', { class: 'number' }, n === null ? '–' : millions(n));
  const rows = (['encoder', 'decoder', 'total'] as const).map((part) =>
    h(
      'tr',
      {},
      h('th', { scope: 'row' }, part === 'total' ? 'Total' : part === 'encoder' ? 'Encoder' : 'Decoder + classifier'),
      ...networks.flatMap((n) => [cell(n.counts[part]), cell(part === 'total' ? n.paper.total : part === 'encoder' ? n.paper.encoder : null)]),
    ),
  );
  return h(
    'div',
    { class: 'table-scroll' },
    h(
      'table',
      { class: 'param-table' },
      h('caption', {}, 'Learnt parameters (millions): counted here from the layer shapes, and as the SegNet paper reports them'),
      h(
        'thead',
        {},
        h('tr', {}, h('td', {}), ...networks.map((n) => h('th', { scope: 'colgroup', colspan: 2 }, n.name))),
        h('tr', {}, h('td', {}), ...networks.flatMap(() => [h('th', { scope: 'col', class: 'number' }, 'here'), h('th', { scope: 'col', class: 'number' }, 'paper')])),
      ),
      h('tbody', {}, ...rows),
    ),
  );
}
