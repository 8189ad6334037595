/**
 * The call's keyboard shortcuts (internal: no semver promise). Keys are single characters by default,
 * so they can be remapped or turned off (WCAG 2.1.4), and they never fire while the person types
 * (inputs, textareas, contenteditable: the chat box) or holds Ctrl, Alt or ⌘ for the browser's own.
 */
import type { ReactiveController } from 'lit';

export { DEFAULT_SHORTCUTS, type ShortcutAction, type ShortcutHost, type ShortcutMap } from './shortcut-map.js';
import type { ShortcutAction, ShortcutHost } from './shortcut-map.js';

/** Order of the help dialog. */
export const SHORTCUT_ACTIONS: readonly ShortcutAction[] = ['microphone', 'push-to-talk', 'camera', 'chat', 'hand', 'leave', 'help'];

interface Chord {
  key: string;
  ctrl: boolean;
  alt: boolean;
  meta: boolean;
  /** null: either (`?` needs Shift on most keyboards and is written without it). */
  shift: boolean | null;
}

export function parseShortcut(spec: string): Chord {
  const parts = spec.split('+');
  // "Ctrl++" is Ctrl and the plus key.
  const key = parts.length > 1 && parts.at(-1) === '' ? '+' : parts.pop()!;
  const mods = new Set(parts.filter(Boolean).map((m) => m.toLowerCase()));
  return {
    key: key.toLowerCase() === 'space' ? ' ' : key.toLowerCase(),
    ctrl: mods.has('ctrl') || mods.has('control'),
    alt: mods.has('alt') || mods.has('option'),
    meta: mods.has('meta') || mods.has('cmd'),
    shift: mods.has('shift') ? true : null,
  };
}

export function matchesShortcut(spec: string, event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'altKey' | 'metaKey' | 'shiftKey'>): boolean {
  const chord = parseShortcut(spec);
  return (
    event.key.toLowerCase() === chord.key &&
    event.ctrlKey === chord.ctrl &&
    event.altKey === chord.alt &&
    event.metaKey === chord.meta &&
    (chord.shift === null || event.shiftKey === chord.shift)
  );
}

/** How a key is written in the help dialog (`Space` comes translated from the caller). */
export function shortcutLabel(spec: string, space: string): string[] {
  const parts = spec.split('+').filter(Boolean);
  return parts.map((part) => (part.toLowerCase() === 'space' || part === ' ' ? space : part.length === 1 ? part.toUpperCase() : part));
}

/** Typing places: a shortcut there would eat the person's letters. */
function isTyping(target: Element | null): boolean {
  if (!target) return false;
  if (target instanceof HTMLElement && target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return !['button', 'checkbox', 'radio', 'range', 'reset', 'submit', 'color', 'file', 'image'].includes(target.type);
  return target.closest('[contenteditable=""], [contenteditable="true"], [role="textbox"], [role="combobox"]') !== null;
}

/** Space and Enter already press the focused button or menu item: push-to-talk must leave them be. */
function isPressable(target: Element | null): boolean {
  return !!target?.closest('button, a[href], summary, [role="button"], [role^="menuitem"], [role="checkbox"], [role="switch"], [role="tab"], input');
}


/** Listens on the document, so the keys work wherever focus is on the page, not only inside the room. */
export class ShortcutController implements ReactiveController {
  #talking = false;

  constructor(private readonly host: ShortcutHost) {
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('keydown', this.#onKeydown);
    document.addEventListener('keyup', this.#onKeyup);
    window.addEventListener('blur', this.#release);
  }

  hostDisconnected(): void {
    document.removeEventListener('keydown', this.#onKeydown);
    document.removeEventListener('keyup', this.#onKeyup);
    window.removeEventListener('blur', this.#release);
    this.#release();
  }

  readonly #onKeydown = (event: KeyboardEvent): void => {
    const host = this.host;
    if (!host.shortcutsActive || event.defaultPrevented || event.isComposing) return;
    const target = event.composedPath()[0] as Element | null;
    if (isTyping(target)) return;
    const map = host.shortcutMap;
    const ptt = map['push-to-talk'];
    if (ptt && matchesShortcut(ptt, event) && !isPressable(target)) {
      event.preventDefault(); // no page scroll
      if (!event.repeat && !this.#talking && host.microphoneOff) {
        this.#talking = true;
        host.holdToTalk(true);
      }
      return;
    }
    if (event.repeat || target?.closest('dialog')) return;
    for (const action of SHORTCUT_ACTIONS) {
      const spec = map[action];
      if (action === 'push-to-talk' || !spec || !matchesShortcut(spec, event)) continue;
      event.preventDefault();
      host.runShortcut(action);
      return;
    }
  };

  readonly #onKeyup = (event: KeyboardEvent): void => {
    const ptt = this.host.shortcutMap['push-to-talk'];
    if (this.#talking && ptt && event.key.toLowerCase() === parseShortcut(ptt).key) this.#release();
  };

  readonly #release = (): void => {
    if (!this.#talking) return;
    this.#talking = false;
    this.host.holdToTalk(false);
  };
}
