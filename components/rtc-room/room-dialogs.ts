/** The call's dialogs: the keyboard shortcuts help (`?`) and the "Leave the call?" confirmation, in the call view's chunk. */
import { nothing, type ReactiveControllerHost } from 'lit';
import { RtcError } from '../../core/errors.js';
import type { StringKey } from '../i18n/strings.js';
import type { ShortcutMap } from '../internal/shortcut-map.js';
import { loadCallDialogs, loadedCallDialogs } from './call-view-loader.js';

export type RoomDialog = 'help' | 'leave';

export class RoomDialogs {
  #open: RoomDialog | null = null;

  constructor(
    private readonly host: ReactiveControllerHost & { readonly renderRoot: ParentNode },
    private readonly reportError: (error: RtcError) => void,
  ) {}

  show(dialog: RoomDialog): void {
    loadCallDialogs(this.host.renderRoot).then(
      async () => {
        this.#set(dialog);
        await this.host.updateComplete;
        const element = this.host.renderRoot.querySelector<HTMLDialogElement>(`#${dialog === 'help' ? 'shortcuts' : 'leave'}-dialog`);
        if (element && !element.open) element.showModal();
      },
      (cause: unknown) => this.reportError(new RtcError('network', 'The dialog could not be loaded.', { cause })),
    );
  }

  close = (): void => this.#set(null);

  render(shortcuts: ShortcutMap, t: (key: StringKey) => string, leave: () => void) {
    const dialogs = loadedCallDialogs();
    if (!dialogs || !this.#open) return nothing;
    return this.#open === 'help' ? dialogs.renderHelpDialog(shortcuts, t, this.close) : dialogs.renderLeaveDialog(t, leave, this.close);
  }

  #set(dialog: RoomDialog | null): void {
    if (dialog === this.#open) return;
    this.#open = dialog;
    this.host.requestUpdate();
  }
}
