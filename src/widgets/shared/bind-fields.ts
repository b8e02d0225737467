/**
 * Two-way binding between a widget's form controls and its state. A control names its state
 * field with `data-field`; its value is parsed with the widget's StateCodec, so the URL and the
 * controls accept exactly the same values. `<output data-show="field">` elements show a field.
 */
import type { StateCodec } from './url-state';

type FieldControl = HTMLInputElement | HTMLSelectElement;

/**
 * Listens for input on `root`'s controls and reports each valid change as a patch, until
 * `signal` aborts. Returns `sync`, which puts a state into the controls (after a URL restore).
 * With `current`, a control left holding a value the codec refuses ("99" typed into a field
 * whose most is 16: its first keystroke, "9", is what counts) shows the value in use again
 * once the reader leaves it, so the field never shows one number while the widget uses another.
 */
export function bindFields<S>(
  root: HTMLElement,
  codec: StateCodec<S>,
  onPatch: (patch: Partial<S>) => void,
  signal?: AbortSignal,
  current?: () => S,
): (state: S) => void {
  const onInput = (event: Event): void => {
    const el = event.target;
    if (!(el instanceof HTMLInputElement || el instanceof HTMLSelectElement)) return;
    const field = el.dataset.field;
    if (!field) return;
    if (el instanceof HTMLInputElement && el.type === 'radio' && !el.checked) return;
    const patch = codec.parse({ [field]: el.value });
    if (Object.keys(patch).length > 0) onPatch(patch);
    else if (event.type === 'change' && current) {
      const inUse = codec.serialize(current())[field];
      if (inUse !== undefined) el.value = inUse;
    }
  };
  root.addEventListener('input', onInput, { signal });
  root.addEventListener('change', onInput, { signal });

  return (state: S): void => {
    const values = codec.serialize(state);
    for (const el of root.querySelectorAll<FieldControl>('[data-field]')) {
      const value = values[el.dataset.field ?? ''];
      if (value === undefined) continue;
      if (el instanceof HTMLInputElement && el.type === 'radio') el.checked = el.value === value;
      else if (el.value !== value && !(el instanceof HTMLInputElement && el.type === 'number' && el === document.activeElement)) {
        el.value = value;
      }
    }
    for (const out of root.querySelectorAll<HTMLElement>('[data-show]')) {
      const value = values[out.dataset.show ?? ''];
      if (value !== undefined) out.textContent = value;
    }
  };
}
