/**
 * Registers a widget's custom element. Each element on the page is one independent instance:
 * `setup` runs when it connects, with the instance's id from `data-id` (the MDX tag's `id`,
 * which also prefixes its URL state), and its returned cleanup runs when it leaves the page.
 */
import { fieldsFor } from './url-state';

export type WidgetSetup = (root: HTMLElement, id: string) => () => void;

/** Whether a deep link has already brought a widget into view on this page. */
let revealed = false;

/**
 * A link that carries a widget's state (`?tc.kernel=3&tc.stride=1`) is a link to that widget:
 * unless the address also names an anchor, the page opens at the first such widget instead of
 * at the top of the chapter.
 */
function revealIfLinked(root: HTMLElement, id: string): void {
  if (revealed || window.location.hash) return;
  if (Object.keys(fieldsFor(id, window.location.search)).length === 0) return;
  revealed = true;
  root.scrollIntoView({ block: 'start' });
}

export function defineWidget(name: string, setup: WidgetSetup): void {
  if (customElements.get(name)) return;
  customElements.define(
    name,
    class extends HTMLElement {
      #cleanup: (() => void) | null = null;

      connectedCallback(): void {
        if (this.#cleanup) return;
        const id = this.dataset.id;
        if (!id) throw new Error(`<${name}> needs a data-id (the id prop of its MDX tag)`);
        revealIfLinked(this, id);
        this.#cleanup = setup(this, id);
      }

      disconnectedCallback(): void {
        this.#cleanup?.();
        this.#cleanup = null;
      }
    },
  );
}

/** The element inside a widget marked `data-part="name"`; throws naming the widget when missing. */
export function widgetPart<T extends Element = HTMLElement>(root: Element, name: string): T {
  const el = root.querySelector<T>(`[data-part="${name}"]`);
  if (!el) throw new Error(`<${root.localName}> has no [data-part="${name}"]`);
  return el;
}
