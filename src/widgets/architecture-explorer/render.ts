/**
 * Pure renders of the architecture explorer: the diagram (SVG), the panel of the selected
 * layer with its feature maps, the colour legend and the parameter table.
 */
import { format } from 'd3-format';
import { messages, type Messages } from '../../i18n';
import { h, pixelCanvas, s } from '../shared/dom';
import { INDEX_COLOURS, largeTiles, type Tile } from './feature-maps';
import type { ArchLayer, LayerKind } from './layers';
import type { DiagramLayout } from './layout';
import type { NetworkSummary } from './networks';

type Words = Messages['architectureExplorer'];
const ENGLISH: Words = messages('en').architectureExplorer;

const count = format(',');
const millions = (n: number): string => `${format('.3~f')(n / 1e6)} M`;

/** "96 × 128 × 64" */
export const shapeText = (shape: readonly number[]): string => shape.join(' × ');

/** What a layer is, in one line, for its accessible name and tooltip. */
export function layerSummary(layer: ArchLayer, t: Words = ENGLISH): string {
  const params = t.parameters(layer.params > 0 ? count(layer.params) : null);
  return t.summary(layer.title, layer.operation, shapeText(layer.shape), params);
}

/** The diagram: a radio group of layer blocks (arrow keys move the selection, handled by the shell). */
export function renderDiagram(layout: DiagramLayout, selected: string, networkName: string, t: Words = ENGLISH): SVGSVGElement {
  const svg = s('svg', {
    class: 'arch-diagram',
    viewBox: `0 0 ${layout.width} ${layout.height}`,
    width: layout.width,
    height: layout.height,
    role: 'group',
    'aria-label': t.diagram(networkName),
  });
  const selectedArc = layout.blocks.find((b) => b.layer.id === selected)?.layer;
  const arcs = s('g', { class: 'index-arcs', 'aria-hidden': 'true' });
  for (const arc of layout.arcs) {
    const on = selectedArc !== undefined && (arc.from === selectedArc.id || arc.to === selectedArc.id);
    arcs.append(s('g', { class: on ? 'index-arc is-selected' : 'index-arc' }, s('path', { d: arc.path, class: 'arc-line' }), s('path', { d: arc.head, class: 'arc-head' })));
  }
  if (layout.arcLabel) {
    arcs.append(s('text', { x: layout.arcLabel.x, y: layout.arcLabel.y, 'text-anchor': 'middle', class: 'arc-label' }, t.arcLabel));
  }
  const group = s('g', { role: 'radiogroup', 'aria-label': t.layersOf(networkName) });
  for (const b of layout.blocks) {
    const isSelected = b.layer.id === selected;
    group.append(
      s(
        'g',
        {
          class: `block block-${b.layer.kind}${isSelected ? ' is-selected' : ''}`,
          role: 'radio',
          'aria-checked': String(isSelected),
          'aria-label': layerSummary(b.layer, t),
          tabindex: isSelected ? 0 : -1,
          'data-layer': b.layer.id,
        },
        s('title', {}, layerSummary(b.layer, t)),
        s('rect', { x: b.x - 3, y: b.y - 3, width: b.width + 6, height: b.height + 6, class: 'block-hit', rx: 3 }),
        s('rect', { x: b.x, y: b.y, width: b.width, height: b.height, rx: 2, class: 'block-body' }),
      ),
    );
  }
  // Each block's name and size (its accessible name already says both, with more).
  const blockLabels = s('g', { class: 'block-labels', 'aria-hidden': 'true' });
  for (const b of layout.blocks) {
    const x = Math.round((b.x + b.width / 2) * 10) / 10;
    blockLabels.append(
      s('text', { class: b.layer.id === selected ? 'block-label is-selected' : 'block-label', transform: `translate(${x},${layout.labelY}) rotate(-90)`, 'text-anchor': 'end', 'dominant-baseline': 'central' }, b.label),
    );
  }
  const labels = s('g', { class: 'part-labels', 'aria-hidden': 'true' });
  for (const part of layout.parts) {
    labels.append(s('path', { d: `M${part.x1},${layout.bracketY - 4} V${layout.bracketY} H${part.x2} V${layout.bracketY - 4}`, class: 'part-bracket' }));
    labels.append(s('text', { x: (part.x1 + part.x2) / 2, y: layout.bracketY + 16, 'text-anchor': 'middle', class: 'part-label' }, part.label));
    for (const st of part.stages) labels.append(s('text', { x: st.x, y: layout.stageY, 'text-anchor': 'middle', class: 'stage-number' }, String(st.stage)));
  }
  svg.append(arcs, group, blockLabels, labels);
  return svg;
}

/** The layer kinds in the legend's order. */
const LEGEND_KINDS: readonly LayerKind[] = ['input', 'conv', 'pool', 'unpool', 'decoder-conv', 'classifier'];

/** What the colours mean. */
export function renderKindLegend(t: Words = ENGLISH): HTMLUListElement {
  return h(
    'ul',
    { class: 'widget-legend arch-legend' },
    ...LEGEND_KINDS.map((kind) => h('li', {}, h('span', { class: `swatch kind-${kind}`, 'aria-hidden': 'true' }), t.kinds[kind])),
  );
}

/** The feature maps, or a line saying why there are none. */
export type MapsView =
  | {
      state: 'ready';
      caption: string;
      tiles: Tile[];
      /** Index of the tile shown large (with its index map, for a pooling layer). */
      selected: number;
      /** A sentence under the large maps (pooling: that channel's all-zero windows); empty for none. */
      note: string;
    }
  | { state: 'message'; message: string };

export interface LayerPanelView {
  layer: ArchLayer;
  /** "at 96 × 128" or "at 360 × 480, the paper's size". */
  sizeNote: string;
  maps: MapsView;
}

/** A small map as a button that shows it large; the button, not the canvas, carries its name. */
function renderTile(tile: Tile, index: number, selected: boolean, t: Words): HTMLElement {
  const canvas = pixelCanvas(tile.rgba, tile.width, tile.height, '');
  canvas.removeAttribute('role');
  canvas.removeAttribute('aria-label');
  canvas.setAttribute('aria-hidden', 'true');
  return h(
    'button',
    {
      type: 'button',
      class: `map-tile tile-${tile.kind}${selected ? ' is-selected' : ''}`,
      'data-map': index,
      'aria-pressed': String(selected),
      'aria-label': t.showLarge(tile.label, tile.height, tile.width),
    },
    canvas,
    h('span', { class: 'map-label', 'aria-hidden': 'true' }, tile.label),
  );
}

/** The selected map (and its index map) drawn large, one square per value. */
function renderLarge(tiles: readonly Tile[], selected: number, note: string, t: Words): HTMLElement {
  const shown = largeTiles(tiles, selected);
  return h(
    'div',
    { class: 'maps-large' },
    h(
      'div',
      { class: `large-grid${shown.length === 1 ? ' is-single' : ''}` },
      ...shown.map((tile) =>
        h('figure', { class: 'large-tile' }, pixelCanvas(tile.rgba, tile.width, tile.height, t.large(tile.label, tile.height, tile.width)), h('figcaption', {}, tile.label)),
      ),
    ),
    note ? h('p', { class: 'maps-note' }, note) : null,
  );
}

function renderIndexLegend(t: Words): HTMLUListElement {
  return h(
    'ul',
    { class: 'widget-legend index-legend' },
    ...t.maximumAt.map((where, i) => {
      const [r, g, b] = INDEX_COLOURS[i]!;
      return h('li', {}, h('span', { class: 'swatch', style: `background: rgb(${r} ${g} ${b})`, 'aria-hidden': 'true' }), where);
    }),
  );
}

export function renderLayerPanel(view: LayerPanelView, t: Words = ENGLISH): HTMLElement {
  const { layer, maps } = view;
  const facts = h(
    'dl',
    { class: 'layer-facts' },
    h('dt', {}, t.operation),
    h('dd', {}, layer.operation),
    h('dt', {}, t.output),
    h('dd', {}, t.outputShape(shapeText(layer.shape), view.sizeNote)),
    h('dt', {}, t.parametersHeading),
    h('dd', {}, layer.params > 0 ? count(layer.params) : t.none),
  );
  const body =
    maps.state === 'message'
      ? h('p', { class: 'maps-message' }, maps.message)
      : h(
          'div',
          { class: 'maps' },
          h('p', { class: 'maps-caption' }, maps.caption),
          renderLarge(maps.tiles, maps.selected, maps.note, t),
          maps.tiles.some((tile) => tile.kind === 'indices') ? renderIndexLegend(t) : null,
          h(
            'div',
            { class: `map-grid${maps.tiles.length <= 4 ? ' is-large' : ''}`, role: 'group', 'aria-label': t.mapChoices },
            ...maps.tiles.map((tile, i) => renderTile(tile, i, i === maps.selected, t)),
          ),
        );
  return h('section', { class: 'layer-panel', 'aria-label': t.selectedLayer(layer.title) }, h('p', { class: 'layer-title' }, layer.title), facts, body);
}

/** Encoder, decoder and total parameters of both networks, with the paper's figures. */
export function renderParameterTable(networks: readonly NetworkSummary[], t: Words = ENGLISH): HTMLElement {
  const cell = (n: number | null): HTMLTableCellElement => h('td', { class: 'number' }, n === null ? '–' : millions(n));
  const rows = (['encoder', 'decoder', 'total'] as const).map((part) =>
    h(
      'tr',
      {},
      h('th', { scope: 'row' }, t.table[part]),
      ...networks.flatMap((n) => [cell(n.counts[part]), cell(part === 'total' ? n.paper.total : part === 'encoder' ? n.paper.encoder : null)]),
    ),
  );
  return h(
    'div',
    { class: 'table-scroll' },
    h(
      'table',
      { class: 'param-table' },
      h('caption', {}, t.table.caption),
      h(
        'thead',
        {},
        h('tr', {}, h('td', {}), ...networks.map((n) => h('th', { scope: 'colgroup', colspan: 2 }, n.name))),
        h('tr', {}, h('td', {}), ...networks.flatMap(() => [h('th', { scope: 'col', class: 'number' }, t.table.here), h('th', { scope: 'col', class: 'number' }, t.table.paper)])),
      ),
      h('tbody', {}, ...rows),
    ),
  );
}
