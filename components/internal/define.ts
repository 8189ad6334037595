/** Registers an element once (a page may load two copies of the kit) and not at all outside a browser (SSR imports). */
export function define(name: string, element: CustomElementConstructor): void {
  if (typeof customElements !== 'undefined' && !customElements.get(name)) customElements.define(name, element);
}
