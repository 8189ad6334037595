/**
 * The `<rtc-room>` a phone's call runs in: a child of the phone (so a page's CSS reaches answer mode's
 * class hooks), made when the call is answered, or already while it rings in answer mode, where the
 * room's answer page is the ringing UI (`phoneCall`). A one-to-one call ends when the other side hangs up.
 */
import type { RtcClient } from '../../core/rtc-client.js';
import type { RtcRoom } from '../rtc-room/rtc-room.component.js';
import type { PhoneCall } from '../rtc-room/phone-call.js';
import '../rtc-room/rtc-room.js';

export type PhoneMode = 'fullscreen' | 'flex' | 'answer';

export interface PhoneRoomSettings {
  mode: PhoneMode;
  theme: RtcRoom['theme'];
  /** A fresh engine for the call's room (on the line's server and transport). */
  engine: () => RtcClient;
  /** The room left (hung up, removed, network): the phone goes back to idle. */
  left: (callId: string) => void;
}

export class PhoneRoom {
  #room: RtcRoom | undefined;
  #callId: string | undefined;

  constructor(
    private readonly host: HTMLElement,
    private readonly settings: () => PhoneRoomSettings,
  ) {}

  get element(): RtcRoom | undefined {
    return this.#room;
  }

  get callId(): string | undefined {
    return this.#callId;
  }

  /** Answer mode: the room's answer page rings for `call` (or stops, with none). */
  ring(callId: string, call: PhoneCall): void {
    const room = this.#ensure(callId);
    room.phoneCall = call;
  }

  /** Joins the call's room with its join token. */
  open(callId: string, token: string, video: boolean): void {
    const room = this.#ensure(callId);
    room.phoneCall = undefined;
    room.token = token;
    room.video = video;
    room.join().catch(() => {}); // the room reports it as rtc-error and shows it
  }

  /** Removes the room (its call ends, if it was in one). */
  close(): void {
    const room = this.#room;
    this.#room = this.#callId = undefined;
    room?.remove();
  }

  #ensure(callId: string): RtcRoom {
    if (this.#room && this.#callId === callId) return this.#room;
    this.close();
    const { mode, theme, engine } = this.settings();
    const room = document.createElement('rtc-room');
    room.mode = mode;
    if (theme) room.theme = theme;
    room.engine = engine();
    room.addEventListener('rtc-left', () => this.#left(room, callId));
    room.addEventListener('rtc-participant-left', ({ detail }) => {
      // A one-to-one call is over when the other side hangs up (a dropped network comes back instead).
      const others = [...(room.engine?.participants.values() ?? [])].filter((p) => !p.local);
      if (detail.reason === 'left' && others.length === 0) room.leave().catch(() => {});
    });
    this.#room = room;
    this.#callId = callId;
    this.host.append(room);
    return room;
  }

  #left(room: RtcRoom, callId: string): void {
    if (room !== this.#room) return;
    this.close();
    this.settings().left(callId);
  }
}
