import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Locale } from '../context/locale-context.js';
import { onStringsChange, resolveLanguage, stringsReady, translate, type AnyStringKey, type Strings } from '../i18n/strings.js';

type Host = ReactiveControllerHost & HTMLElement & { strings?: Partial<Strings> };

/** Elements to re-render when the page's `<html lang>` changes. */
const hosts = new Set<Host>();
let documentObserver: MutationObserver | undefined;

function observeDocumentLang(): void {
  documentObserver ??= new MutationObserver(() => hosts.forEach((host) => host.requestUpdate()));
  documentObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
}

/**
 * Picks the language for an element (its own `lang`, else its room's, else the page's, else English)
 * and translates with the element's `strings` overrides, then the room's, then the registered tables.
 */
export class I18nController implements ReactiveController {
  #unsubscribe?: () => void;

  constructor(
    private readonly host: Host,
    private readonly locale: () => Locale | undefined,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    hosts.add(this.host);
    observeDocumentLang();
    this.#unsubscribe = onStringsChange(() => this.host.requestUpdate());
  }

  hostDisconnected(): void {
    hosts.delete(this.host);
    this.#unsubscribe?.();
  }

  /** The registered language in use (`en`, `zh-CN`, or one the page registered). */
  get lang(): string {
    const own = this.host.getAttribute('lang');
    return resolveLanguage(own || this.locale()?.lang || this.host.ownerDocument.documentElement.lang);
  }

  /** Undefined when the language's strings are here; else the promise of their chunk (see `stringsReady`). */
  ready(): Promise<void> | undefined {
    return stringsReady(this.lang);
  }

  t(key: AnyStringKey, params?: Record<string, string | number>): string {
    const overrides = { ...this.locale()?.strings, ...this.host.strings };
    return translate(this.lang, key, params, overrides);
  }
}
