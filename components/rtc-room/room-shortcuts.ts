/** What each keyboard shortcut does in the room (the keys themselves: internal/shortcuts.ts). */
import type { RtcClient } from '../../core/rtc-client.js';
import type { Participant } from '../../core/types.js';
import { can } from '../../protocol/permissions.js';
import type { StringKey } from '../i18n/strings.js';
import type { ShortcutAction } from '../internal/shortcut-map.js';
import type { RoomDialog } from './room-dialogs.js';
import type { RtcRoom } from './rtc-room.component.js';

export interface ShortcutTarget extends Pick<RtcRoom, 'toggleMicrophone' | 'toggleCamera' | 'announce'> {
  self: Participant | null | undefined;
  client(): RtcClient;
  t: (key: StringKey) => string;
  /** Opens or closes the chat (a composed room has no panel). */
  toggleChat(): void;
  showDialog(dialog: RoomDialog): void;
  reportError(error: unknown): void;
}

export function runRoomShortcut(action: Exclude<ShortcutAction, 'push-to-talk'>, room: ShortcutTarget): void {
  const { self } = room;
  const report = (error: unknown) => room.reportError(error);
  switch (action) {
    case 'microphone':
      if (self && !can(self.role, 'publish-audio')) return;
      room.toggleMicrophone().then(() => room.announce(room.t(room.client().self.media.audio ? 'announce.microphoneOn' : 'announce.microphoneOff')), report);
      return;
    case 'camera':
      if (self && !can(self.role, 'publish-video')) return;
      room.toggleCamera().then(() => room.announce(room.t(room.client().self.media.video ? 'announce.cameraOn' : 'announce.cameraOff')), report);
      return;
    case 'chat':
      room.toggleChat();
      return;
    case 'hand':
      room.client().raiseHand(!self?.handRaised).catch(report);
      return;
    case 'leave':
    case 'help':
      room.showDialog(action);
      return;
  }
}
