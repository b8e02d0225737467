/**
 * <architecture-explorer>: the diagram and parameter table come from build-time JSON (no
 * TF.js); selecting a layer of SegNet-Basic shows its real feature maps on a demo frame once
 * the page's network has run.
 */
import { pageMessages } from '../../i18n';
import { bindFields } from '../shared/bind-fields';
import { boxWidth, watchWidth } from '../shared/fit-width';
import { defineWidget, widgetPart } from '../shared/define-widget';
import { widgetState } from '../shared/widget-state';
import { bindModelWidget, type DemoFrames, type LayerData, type PageModel } from '../model';
import { featureTiles, inputTiles, largeNote, tilesCaption, type Tile } from './feature-maps';
import { layoutDiagram, MIN_BLOCK_UNIT, type DiagramLayout } from './layout';
import type { NetKind, NetworkSummary } from './networks';
import { renderDiagram, renderKindLegend, renderLayerPanel, renderParameterTable, type MapsView } from './render';
import { architectureCodec, MAP_COUNT, resolveLayer, steppedLayer, type ArchitectureState } from './state';
import { errorMessage } from '../../segnet/core';

/** Feature maps shown per layer. */
const TILE_COUNT = MAP_COUNT;
/** The diagram is laid out for its box's width between these (CSS pixels), so its labels keep their size. */
const DIAGRAM_WIDTH = { min: 300, max: 720 } as const;

defineWidget('architecture-explorer', (root, id) => {
  const networks = JSON.parse(root.dataset.architecture ?? '{}') as Record<NetKind, NetworkSummary>;
  const diagram = widgetPart(root, 'diagram');
  const panel = widgetPart(root, 'panel');
  const framePicker = widgetPart(root, 'frames');
  const t = pageMessages().architectureExplorer;
  widgetPart(root, 'legend').replaceChildren(renderKindLegend(t));
  widgetPart(root, 'params').replaceChildren(renderParameterTable([networks.basic, networks.vgg16], t));
  const layouts = new Map<string, DiagramLayout>();
  const layoutOf = (net: NetKind): DiagramLayout => {
    // Wide enough for every block's label to stand apart: VGG16's 38 blocks scroll sideways on a phone.
    const width = Math.max(boxWidth(diagram, DIAGRAM_WIDTH.min, DIAGRAM_WIDTH.max), networks[net].layers.length * MIN_BLOCK_UNIT + 12);
    const key = `${net}@${width}`;
    if (!layouts.has(key)) layouts.set(key, layoutDiagram(networks[net].layers, width, t));
    return layouts.get(key)!;
  };
  let frames: DemoFrames | null = null;
  let model: PageModel | null = null;
  let modelWanted = t.modelWanted;

  const current = (s: ArchitectureState) => {
    const network = networks[s.net];
    const layerId = resolveLayer(network.layers, s.layer);
    return { network, layer: network.layers.find((l) => l.id === layerId)! };
  };

  const drawPanel = (s: ArchitectureState, maps: MapsView): void => {
    const { network, layer } = current(s);
    const sizeNote = (s.net === 'basic' ? t.sizeBasic : t.sizeVgg)(network.height, network.width);
    const focused = (document.activeElement as HTMLElement | null)?.closest<HTMLElement>('[data-map]');
    const hadFocus = focused !== null && focused !== undefined && panel.contains(focused);
    panel.replaceChildren(renderLayerPanel({ layer, sizeNote, maps }, t));
    if (hadFocus) panel.querySelector<HTMLElement>(`[data-map="${maps.state === 'ready' ? maps.selected : 0}"]`)?.focus();
  };

  /** The maps last drawn, so choosing another of them redraws without running the network again. */
  let shown: { key: string; caption: string; tiles: Tile[]; data: LayerData | null } | null = null;
  const keyOf = (s: ArchitectureState) => `${s.net}:${s.frame}:${current(s).layer.id}`;
  const drawMaps = (s: ArchitectureState, view: NonNullable<typeof shown>): void => {
    shown = view;
    const selected = Math.min(s.map, view.tiles.length - 1);
    drawPanel(s, { state: 'ready', caption: view.caption, tiles: view.tiles, selected, note: largeNote(view.data, view.tiles, selected, t) });
  };

  const showMaps = (s: ArchitectureState): void => {
    const { layer } = current(s);
    if (s.net !== 'basic') {
      drawPanel(s, { state: 'message', message: t.vggOnly });
      return;
    }
    const frame = frames?.frames[s.frame];
    if (!frames || !frame) {
      drawPanel(s, { state: 'message', message: t.loadingFrames });
      return;
    }
    const key = keyOf(s);
    if (shown?.key === key) {
      drawMaps(s, shown);
      return;
    }
    if (layer.kind === 'input') {
      drawMaps(s, { key, caption: tilesCaption(layer, null, s.frame, TILE_COUNT, t), tiles: inputTiles(frame.image, frames.width, frames.height, t), data: null });
      return;
    }
    if (!model) {
      drawPanel(s, { state: 'message', message: modelWanted });
      return;
    }
    drawPanel(s, { state: 'message', message: t.running });
    model.layer(frame, layer.id).then(
      (data) => {
        const now = state.get();
        if (keyOf(now) !== key) return;
        drawMaps(now, { key, caption: tilesCaption(layer, data, s.frame, TILE_COUNT, t), tiles: featureTiles(data, layer, TILE_COUNT, t), data });
        root.dataset.shown = `${s.frame}:${layer.id}`;
      },
      (error: unknown) => drawPanel(s, { state: 'message', message: t.failed(errorMessage(error)) }),
    );
  };

  const drawDiagram = (s: ArchitectureState): void => {
    const { network, layer } = current(s);
    const hadFocus = diagram.contains(document.activeElement);
    diagram.replaceChildren(renderDiagram(layoutOf(s.net), layer.id, network.name, t));
    if (hadFocus) diagram.querySelector<SVGGElement>('[aria-checked="true"]')?.focus();
  };
  const draw = (s: ArchitectureState): void => {
    drawDiagram(s);
    framePicker.hidden = s.net !== 'basic'; // only SegNet-Basic runs on the frames
    showMaps(s);
  };

  const state = widgetState(id, architectureCodec, (s) => {
    sync(s);
    draw(s);
  });
  const sync = bindFields(root, architectureCodec, (patch) => state.set(patch));
  sync(state.get());
  draw(state.get());

  const onClick = (event: MouseEvent): void => {
    const block = (event.target as Element).closest<SVGGElement>('[data-layer]');
    if (block?.dataset.layer) state.set({ layer: block.dataset.layer });
  };
  const onKeyDown = (event: KeyboardEvent): void => {
    const s = state.get();
    const { network, layer } = current(s);
    const next = steppedLayer(network.layers, layer.id, event.key);
    if (next === null) {
      if (event.key === ' ' || event.key === 'Enter') event.preventDefault();
      return;
    }
    event.preventDefault();
    if (next !== layer.id) state.set({ layer: next });
  };
  const onMapClick = (event: MouseEvent): void => {
    const tile = (event.target as Element).closest<HTMLElement>('[data-map]');
    if (tile?.dataset.map !== undefined) state.set({ map: Number(tile.dataset.map) });
  };
  panel.addEventListener('click', onMapClick);
  diagram.addEventListener('click', onClick);
  diagram.addEventListener('keydown', onKeyDown);
  const stopWatching = watchWidth(diagram, DIAGRAM_WIDTH.min, DIAGRAM_WIDTH.max, () => drawDiagram(state.get()));

  const unbind = bindModelWidget(root, {
    frames: (loaded) => {
      frames = loaded;
      showMaps(state.get());
    },
    framesFailed: (text) => {
      modelWanted = text;
      showMaps(state.get());
    },
    model: (loaded) => {
      model = loaded;
      showMaps(state.get());
    },
  });

  return () => {
    unbind();
    stopWatching();
    diagram.removeEventListener('click', onClick);
    panel.removeEventListener('click', onMapClick);
    diagram.removeEventListener('keydown', onKeyDown);
  };
});
