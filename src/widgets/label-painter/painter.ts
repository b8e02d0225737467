/**
 * The label painter's behaviour (loaded by the own-image widget once the network has labelled
 * a picture and the reader asks to correct it): the photo with the labels over it, painted by
 * pointer (mouse, pen or touch) or by keyboard (arrow keys move a cursor, Space paints), brush
 * and fill tools, undo and redo, the label PNG, and adding the pair to the reader's data.
 */
import { formatBytes, OWN_DATA_CHANNEL, storageEstimate, StorageFullError, withIdbStore } from '../../data/browser-import';
import { errorMessage } from '../../segnet/core';
import { pageMessages } from '../../i18n';
import { paintRgba } from '../shared/dom';
import { bindFields } from '../shared/bind-fields';
import { widgetPart } from '../shared/define-widget';
import { widgetState } from '../shared/widget-state';
import { compositeOverlay } from '../label-overlay/overlay-pixels';
import { pointerPixel } from '../own-image/probe';
import { brushIndices, segmentIndices } from './brush';
import { colourFill, regionFill } from './fill';
import { LabelHistory } from './history';
import { labelPng } from './label-png';
import { addPainted } from './my-data';
import { labelFileName, renderCursor, renderPainter, showBrushSize } from './render';
import { FILL_TOLERANCE, movedCursor, painterCodec, shortcut, type PainterState } from './state';

export interface PainterOptions {
  /** Instance id: prefixes the painter's URL state. */
  id: string;
  /** The picture's name (for the label PNG's file name and the sentences). */
  name: string;
  width: number;
  height: number;
  /** height x width x 3 RGB bytes of the picture as the network saw it. */
  rgb: Uint8Array;
  /** The network's prediction (copied: the painter starts from it and never changes it). */
  prediction: Uint8Array;
  /** Opacity of the labels over the photo, 0..1. */
  opacity: number;
}

export interface Painter {
  /** The painted labels (live). */
  readonly labels: Uint8Array;
  /** Whether the labels differ from the network's (edits undone all the way are none). */
  readonly edited: boolean;
  setOpacity(opacity: number): void;
  close(): void;
}

/** Builds the painter into `host` (replacing what it held). */
export function openPainter(host: HTMLElement, o: PainterOptions): Painter {
  const m = pageMessages();
  const t = m.labelPainter;
  const { width, height } = o;
  const names = [...m.classes.names, m.classes.void];
  const root = renderPainter(o.id, width, height, m);
  host.replaceChildren(root);
  const abort = new AbortController();
  const { signal } = abort;
  const stage = widgetPart(root, 'canvas');
  const canvas = stage.querySelector('canvas')!;
  const cursorLayer = widgetPart(root, 'cursor');
  const status = widgetPart(root, 'painter-status');
  const undoButton = widgetPart<HTMLButtonElement>(root, 'undo');
  const redoButton = widgetPart<HTMLButtonElement>(root, 'redo');
  const prediction = o.prediction.slice();
  const labels = o.prediction.slice();
  const history = new LabelHistory(labels);
  let opacity = o.opacity;
  let cursor = { x: Math.floor(width / 2), y: Math.floor(height / 2) };
  let drag: { x: number; y: number; id: number } | null = null;

  const say = (text: string): void => {
    status.textContent = text;
  };
  const draw = (): void => {
    paintRgba(canvas, compositeOverlay(o.rgb, labels, width, height, opacity), width, height);
    undoButton.disabled = !history.canUndo;
    redoButton.disabled = !history.canRedo;
    root.dataset.strokes = String(history.sizes.undo);
  };
  const drawCursor = (): void => {
    const s = state.get();
    cursorLayer.replaceChildren(renderCursor(cursor.x, cursor.y, s.size, s.tool === 'fill'));
    stage.setAttribute('aria-label', t.canvasLabel(o.name, names[s.cls]!, cursor.x, cursor.y));
  };
  const state = widgetState(o.id, painterCodec, (s) => {
    sync(s);
    showBrushSize(root, s.size, m);
    drawCursor();
  });
  const sync = bindFields(root, painterCodec, (patch) => state.set(patch), signal, () => state.get());
  sync(state.get());
  showBrushSize(root, state.get().size, m);

  /** Paints at (x, y) with the current tool, continuing a drag from `from` for the brush. */
  const paint = (x: number, y: number, from: { x: number; y: number } | null): void => {
    const s: PainterState = state.get();
    const pixels =
      s.tool === 'fill'
        ? s.fill === 'colour'
          ? colourFill(o.rgb, width, height, x, y, FILL_TOLERANCE)
          : regionFill(prediction, width, height, x, y)
        : from
          ? segmentIndices(width, height, from.x, from.y, x, y, s.size)
          : brushIndices(width, height, x, y, s.size);
    history.setAll(pixels, s.cls);
  };
  const finish = (): void => {
    const changed = history.end();
    say(changed ? t.painted(names[state.get().cls]!, history.last?.indices.length ?? 0) : t.nothingChanged);
    draw();
  };

  const act = (kind: 'undo' | 'redo'): void => {
    const ok = kind === 'undo' ? history.undo() : history.redo();
    say(ok ? (kind === 'undo' ? t.undone : t.redone) : kind === 'undo' ? t.nothingToUndo : t.nothingToRedo);
    draw();
  };

  const pixelOf = (event: PointerEvent): { x: number; y: number } | null => pointerPixel(event.clientX, event.clientY, stage.getBoundingClientRect(), width, height);

  stage.addEventListener(
    'pointerdown',
    (event) => {
      const p = pixelOf(event);
      if (!p || (event.pointerType === 'mouse' && event.button !== 0)) return;
      event.preventDefault();
      stage.focus();
      cursor = p;
      history.begin();
      paint(p.x, p.y, null);
      draw();
      drawCursor();
      if (state.get().tool === 'fill') {
        finish();
        return;
      }
      drag = { ...p, id: event.pointerId };
      stage.setPointerCapture?.(event.pointerId);
    },
    { signal },
  );
  stage.addEventListener(
    'pointermove',
    (event) => {
      const p = pixelOf(event);
      if (!p) return;
      cursor = p;
      if (drag && event.pointerId === drag.id) {
        paint(p.x, p.y, drag);
        drag = { ...p, id: drag.id };
        draw();
      }
      drawCursor();
    },
    { signal },
  );
  const endDrag = (event: PointerEvent): void => {
    if (!drag || event.pointerId !== drag.id) return;
    drag = null;
    finish();
  };
  stage.addEventListener('pointerup', endDrag, { signal });
  stage.addEventListener('pointercancel', endDrag, { signal });

  root.addEventListener(
    'keydown',
    (event) => {
      const target = event.target as HTMLElement;
      if (target === stage) {
        const moved = movedCursor(event.key, event.shiftKey, cursor.x, cursor.y, width, height);
        if (moved) {
          event.preventDefault();
          cursor = moved;
          drawCursor();
          return;
        }
        if (event.key === ' ' || event.key === 'Enter') {
          event.preventDefault();
          history.begin();
          paint(cursor.x, cursor.y, null);
          finish();
          return;
        }
      }
      // Letters, brackets and digits would change a select's or a range's value: shortcuts
      // apply there only with Ctrl (undo, redo).
      const inField = target instanceof HTMLSelectElement || (target instanceof HTMLInputElement && target.type === 'range');
      const ctrl = event.ctrlKey || event.metaKey;
      if (inField && !ctrl) return;
      const action = shortcut(event.key, ctrl, event.shiftKey, state.get());
      if (!action) return;
      event.preventDefault();
      if (action.kind === 'patch') state.set(action.patch);
      else act(action.kind);
    },
    { signal },
  );
  undoButton.addEventListener('click', () => act('undo'), { signal });
  redoButton.addEventListener('click', () => act('redo'), { signal });

  widgetPart(root, 'export').addEventListener(
    'click',
    () => {
      const file = labelFileName(o.name);
      const url = URL.createObjectURL(new Blob([labelPng(labels, width, height)], { type: 'image/png' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = file;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      say(t.exported(file, width, height));
    },
    { signal },
  );

  const add = widgetPart<HTMLButtonElement>(root, 'add');
  add.addEventListener(
    'click',
    () => {
      if (typeof indexedDB === 'undefined') {
        say(t.noStorage);
        return;
      }
      add.disabled = true;
      say(t.adding);
      const photo = { name: o.name, width, height, rgb: o.rgb, labels: labels.slice() };
      withIdbStore((store) => addPainted(store, photo), { estimate: storageEstimate }).then(
        ({ info, created }) => {
          say(t.added(info.name, info.counts.train ?? 0, info.counts.val ?? 0, created));
          root.dataset.added = info.name;
          if (typeof BroadcastChannel !== 'undefined') {
            const channel = new BroadcastChannel(OWN_DATA_CHANNEL);
            channel.postMessage('changed');
            channel.close();
          }
        },
        (e: unknown) => {
          // a full quota in the page's words, with its numbers, as the "your data" panel says it
          const own = pageMessages().ownData;
          const full = e instanceof StorageFullError ? (e.estimate ? own.storageFull(formatBytes(e.estimate.usage), formatBytes(e.estimate.quota)) : own.storageFull(null, null)) : null;
          say(t.addFailed(full ?? errorMessage(e)));
        },
      ).finally(() => (add.disabled = false));
    },
    { signal },
  );

  draw();
  drawCursor();
  return {
    labels,
    get edited() {
      return labels.some((label, i) => label !== prediction[i]);
    },
    setOpacity(value) {
      opacity = value;
      draw();
    },
    close() {
      abort.abort();
      host.replaceChildren();
    },
  };
}
