/**
 * <pixel-provenance>: where one output pixel of the page's SegNet-Basic came back from. The
 * state (frame, pixel, channel) lives in the URL; the prediction and each encoder stage's pooling
 * (values and indices) come from the page's model once it has run. A click on the frame follows
 * that pixel; with the frame focused, the arrow keys move a cursor and Enter follows it.
 */
import { pageMessages } from '../../i18n';
import { errorMessage, layerName } from '../../segnet/core';
import { bindFields } from '../shared/bind-fields';
import { defineWidget, widgetPart } from '../shared/define-widget';
import { throttledState } from '../shared/throttled-state';
import { bindModelWidget, type DemoFrames, type PageModel } from '../model';
import { provenanceCaption, renderProvenance } from './render';
import { FRAME_HEIGHT, FRAME_WIDTH, STAGES, movedCursor, provenanceCodec, type ProvenanceState } from './state';
import { provenanceView, type ProvenanceData } from './view';

async function loadProvenance(model: PageModel, frames: DemoFrames, index: number): Promise<ProvenanceData> {
  const frame = frames.frames[index]!;
  const names = Array.from({ length: STAGES }, (_, s) => layerName('encoder', s + 1, 'pool'));
  const [segmentation, ...pools] = await Promise.all([model.prediction(frame), ...names.map((name) => model.layer(frame, name))]);
  return {
    width: frames.width,
    height: frames.height,
    image: frame.image,
    labels: segmentation.labels,
    pools: pools.map((p) => {
      if (!p.indices) throw new Error(`layer ${p.name} has no pooling indices`);
      return { height: p.height, width: p.width, channels: p.channels, values: p.values, indices: p.indices };
    }),
  };
}

defineWidget('pixel-provenance', (root, id) => {
  const t = pageMessages().pixelProvenance;
  const stage = widgetPart(root, 'stage');
  const caption = widgetPart(root, 'caption');
  let frames: DemoFrames | null = null;
  let model: PageModel | null = null;
  let waiting = t.waiting;
  const loaded = new Map<number, Promise<ProvenanceData>>();
  let cursor: { row: number; col: number } | null = null;
  let drawn: ProvenanceState | null = null;

  const message = (text: string): void => {
    stage.replaceChildren(Object.assign(document.createElement('p'), { className: 'widget-loading', textContent: text }));
  };

  const paint = (s: ProvenanceState, data: ProvenanceData): void => {
    const view = provenanceView(data, s);
    const hadFocus = stage.contains(document.activeElement);
    stage.replaceChildren(renderProvenance(view, { messages: t, cursor }));
    caption.textContent = provenanceCaption(view, t);
    if (hadFocus) stage.querySelector<HTMLElement>('[data-part="frame"]')?.focus();
    root.dataset.shown = `${s.frame}:${s.row}:${s.col}:${view.channel}`;
  };

  const draw = (s: ProvenanceState): void => {
    drawn = s;
    if (!frames || !model) return message(waiting);
    let pending = loaded.get(s.frame);
    if (!pending) {
      message(t.running);
      pending = loadProvenance(model, frames, s.frame);
      pending.catch(() => loaded.delete(s.frame));
      loaded.set(s.frame, pending);
    }
    pending.then(
      (data) => {
        if (drawn === s) paint(s, data);
      },
      (error: unknown) => message(t.failed(errorMessage(error))),
    );
  };

  const state = throttledState(id, provenanceCodec, (s) => {
    sync(s);
    draw(s);
  });
  const fields = new AbortController();
  const sync = bindFields(root, provenanceCodec, (patch) => state.set(patch), fields.signal, () => state.get());
  sync(state.get());

  const pixelAt = (event: PointerEvent): { row: number; col: number } | null => {
    const frame = (event.target as Element).closest('[data-part="frame"]');
    if (!frame) return null;
    const b = frame.getBoundingClientRect();
    const col = Math.floor(((event.clientX - b.left) / b.width) * FRAME_WIDTH);
    const row = Math.floor(((event.clientY - b.top) / b.height) * FRAME_HEIGHT);
    return row >= 0 && col >= 0 && row < FRAME_HEIGHT && col < FRAME_WIDTH ? { row, col } : null;
  };
  const onPointerDown = (event: PointerEvent): void => {
    const p = pixelAt(event);
    if (!p) return;
    cursor = null;
    state.set(p);
  };
  const onKeyDown = (event: KeyboardEvent): void => {
    if ((event.target as HTMLElement | null)?.dataset.part !== 'frame') return;
    const s = state.get();
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      if (!cursor) return;
      const next = cursor;
      cursor = null;
      state.set(next);
      return;
    }
    const moved = movedCursor(event.key, event.shiftKey, cursor ?? s);
    if (!moved) return;
    event.preventDefault();
    cursor = moved;
    draw(s);
  };
  stage.addEventListener('pointerdown', onPointerDown);
  stage.addEventListener('keydown', onKeyDown);

  const unbindModel = bindModelWidget(root, {
    frames: (f) => {
      frames = f;
      draw(state.get());
    },
    framesFailed: (text) => {
      waiting = text;
      draw(state.get());
    },
    model: (m) => {
      model = m;
      draw(state.get());
    },
  });
  return () => {
    unbindModel();
    fields.abort();
    state.flush();
    stage.removeEventListener('pointerdown', onPointerDown);
    stage.removeEventListener('keydown', onKeyDown);
  };
});
