/**
 * What the room needs of its shortcuts before a call: the key map and the host's side. The key
 * handling itself (shortcuts.ts) comes with the call's chunk, loaded at joining.
 */
import type { ReactiveControllerHost } from 'lit';

export type ShortcutAction = 'microphone' | 'camera' | 'chat' | 'hand' | 'leave' | 'help' | 'push-to-talk';

/**
 * Which key does what. A key is `event.key` (`m`, `?`, `Space` for the space bar), optionally after
 * `Shift+`, `Ctrl+`, `Alt+` or `Meta+` (`Ctrl+Shift+m`); letters match in either case.
 */
export type ShortcutMap = Readonly<Record<ShortcutAction, string | null>>;

export const DEFAULT_SHORTCUTS: ShortcutMap = {
  microphone: 'm',
  camera: 'v',
  chat: 'c',
  hand: 'h',
  leave: 'l',
  help: '?',
  'push-to-talk': 'Space',
};

export interface ShortcutHost extends ReactiveControllerHost {
  readonly shortcutsActive: boolean;
  readonly shortcutMap: ShortcutMap;
  runShortcut(action: Exclude<ShortcutAction, 'push-to-talk'>): void;
  /** Push-to-talk: true when Space goes down while muted, false when it comes up. */
  holdToTalk(talking: boolean): void;
  /** Whether the microphone is off now (push-to-talk only starts then). */
  readonly microphoneOff: boolean;
}
