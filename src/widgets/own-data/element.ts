/**
 * <own-data>: the reader's own road scenes. The element itself imports nothing: the panel's
 * code (the store, the list, the import worker's client, the shared widget helpers) loads
 * after the page, so the chapter's up-front JavaScript stays within its budget.
 */
if (!customElements.get('own-data')) {
  customElements.define(
    'own-data',
    class extends HTMLElement {
      #cleanup: (() => void) | null = null;
      #gone = false;

      connectedCallback(): void {
        this.#gone = false;
        const id = this.dataset.id;
        if (!id) throw new Error('<own-data> needs a data-id (the id prop of its MDX tag)');
        void import('./panel').then(({ setupPanel }) => {
          if (!this.#gone && !this.#cleanup) this.#cleanup = setupPanel(this, id);
        });
      }

      disconnectedCallback(): void {
        this.#gone = true;
        this.#cleanup?.();
        this.#cleanup = null;
      }
    },
  );
}
