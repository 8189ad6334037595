import { createContext } from '@lit/context';
import type { DeviceKind } from '../../core/types.js';
import type { Layout, Panel, PersonSound } from './room-state-context.js';

/** User actions on the engine. An element standing alone with an `engine` runs them on it directly. */
export interface MediaCommands {
  toggleMicrophone(on?: boolean): Promise<void>;
  toggleCamera(on?: boolean): Promise<void>;
  toggleScreenShare(on?: boolean): Promise<void>;
  switchCamera(): Promise<void>;
  selectDevice(kind: DeviceKind, deviceId: string): Promise<void>;
  /** A still image of someone's video (the local user's by default). */
  snapshot(userId?: string): Promise<Blob>;
  /** Leaves the call (after the UI's `rtc-request-leave` went unvetoed). */
  hangup(): Promise<void>;
  /** Reports a failed user action as `rtc-error`. */
  reportError(error: unknown): void;
}

/**
 * What the elements inside an `<rtc-room>` ask it to do on a user's behalf: the media actions plus
 * the UI state the room keeps in one place (layout, main view, full screen, speaker).
 */
export interface RoomCommands extends MediaCommands {
  toggleSpeaker(on?: boolean): void;
  setLayout(layout: Layout): void;
  setFullScreen(on: boolean): Promise<void>;
  /** Puts a participant on the main view; null returns to the automatic choice. */
  pin(userId: string | null): void;
  /** Opens a side panel (chat, people), or closes it with null. */
  openPanel(panel: Panel | null): void;
  // ---- local recording, picture-in-picture (issue 13) ----
  /** Starts recording the call on this device, or stops (the file is then offered for download). */
  toggleLocalRecording(): Promise<void>;
  /** Opens or closes the picture-in-picture window of the main view. */
  togglePictureInPicture(): Promise<void>;
  /** How loud someone plays for the local user alone (volume 0–1, "Mute for me"); nothing changes for anyone else. */
  setSound(userId: string, change: Partial<PersonSound>): void;
}

export const roomCommandsContext = createContext<RoomCommands | undefined>(Symbol('rtc-room-commands'));
