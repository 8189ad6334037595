import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { followTrigger, type MenuPlacement } from './place-menu.js';

type Host = ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment };

/**
 * One open popup menu at a time for an element: positions it next to its trigger (place-menu.ts),
 * moves focus into it, runs the menu keys (arrows, Home/End, Escape, Tab), and closes on a click outside.
 * The host renders `[role=menu]` while `openId` names it.
 */
export class MenuController implements ReactiveController {
  openId: string | null = null;
  #trigger: HTMLElement | null = null;
  #stopPositioning?: () => void;
  /** The menu element being placed: lit may replace it while open, and a new one is placed again. */
  #placing: HTMLElement | null = null;
  #focusOnOpen = false;

  /** `placement`: where the menu opens beside its trigger (a bar's menus open upwards; a panel's below, at the end). */
  constructor(
    private readonly host: Host,
    private readonly placement: MenuPlacement = 'top',
  ) {
    host.addController(this);
  }

  toggle(id: string, trigger: HTMLElement): void {
    if (this.openId === id) return this.close(true);
    this.close(false);
    this.openId = id;
    this.#trigger = trigger;
    this.#focusOnOpen = true;
    document.addEventListener('pointerdown', this.#onOutside, true);
    this.host.requestUpdate();
  }

  close(focusTrigger: boolean): void {
    if (this.openId === null) return;
    this.openId = null;
    this.#stopPlacing();
    document.removeEventListener('pointerdown', this.#onOutside, true);
    if (focusTrigger) this.#trigger?.focus();
    this.host.requestUpdate();
  }

  hostUpdated(): void {
    const menu = this.#menu();
    if (!menu || !this.#trigger || menu === this.#placing) return;
    this.#stopPlacing();
    this.#placing = menu;
    this.#stopPositioning = followTrigger(this.#trigger, menu, this.placement);
    if (this.#focusOnOpen) {
      this.#focusOnOpen = false;
      // A choice menu (radios only) opens on the current choice; any other on its first item.
      const items = this.#items();
      const choice = items.every((item) => item.getAttribute('role') === 'menuitemradio');
      (choice ? items.find((item) => item.getAttribute('aria-checked') === 'true') ?? items[0] : items[0])?.focus();
    }
  }

  hostDisconnected(): void {
    this.close(false);
  }

  #stopPlacing(): void {
    this.#stopPositioning?.();
    this.#stopPositioning = undefined;
    this.#placing = null;
  }

  /** Keydown handler for the menu element. */
  readonly onKeydown = (event: KeyboardEvent): void => {
    const items = this.#items();
    const index = items.indexOf(event.composedPath()[0] as HTMLElement);
    const move = (to: number) => items[(to + items.length) % items.length]?.focus();
    switch (event.key) {
      case 'ArrowDown':
        move(index + 1);
        break;
      case 'ArrowUp':
        move(index - 1);
        break;
      case 'Home':
        move(0);
        break;
      case 'End':
        move(items.length - 1);
        break;
      case 'Escape':
        this.close(true);
        break;
      case 'Tab':
        this.close(false);
        return;
      default:
        return;
    }
    event.preventDefault();
  };

  readonly #onOutside = (event: PointerEvent): void => {
    const path = event.composedPath();
    const menu = this.#menu();
    if ((menu && path.includes(menu)) || (this.#trigger && path.includes(this.#trigger))) return;
    this.close(false);
  };

  #menu(): HTMLElement | null {
    return this.host.renderRoot.querySelector<HTMLElement>('[role="menu"]');
  }

  #items(): HTMLElement[] {
    return [...(this.#menu()?.querySelectorAll<HTMLElement>('[role^="menuitem"]') ?? [])];
  }
}
