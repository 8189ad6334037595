/**
 * What every rtc-kit element shares (internal: no semver promise): translated strings that follow
 * the `lang` attribute (a shipped language's strings loaded before rendering), `strings` overrides,
 * and the typed `rtc-*` event classes.
 */
import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import type { Locale } from '../context/locale-context.js';
import type { RtcEvent } from '../events/rtc-event.js';
import type { Strings } from '../i18n/strings.js';
import { I18nController } from './i18n-controller.js';

export abstract class RtcBase extends LitElement {
  /** Replaces some of the built-in strings (keys: components/i18n/en.ts). */
  @property({ attribute: false }) strings: Partial<Strings> | undefined;

  protected readonly i18n = new I18nController(this, () => this.inheritedLocale());

  /** The language and strings from around the element (the room's, for the elements inside one). */
  protected abstract inheritedLocale(): Locale | undefined;

  static override get observedAttributes(): string[] {
    // `lang` stays the native attribute; observing it re-renders with the new language.
    return [...super.observedAttributes, 'lang'];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang') this.requestUpdate();
  }

  /** Renders in a language the kit ships only once its strings are here (its chunk loads first): never English first. */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const strings = this.i18n.ready();
    return strings ? strings.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  /** Dispatches one of the `rtc-*` event classes; returns false when a listener cancelled it. */
  protected emit(event: RtcEvent<unknown>): boolean {
    return this.dispatchEvent(event);
  }
}
