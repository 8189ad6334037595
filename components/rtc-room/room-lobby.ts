/** The room's lobby glue: when it shows, what it shows (lobby-view.ts draws it), and its camera preview. */
import type { ReactiveControllerHost } from 'lit';
import type { RtcError } from '../../core/errors.js';
import type { RtcClient } from '../../core/rtc-client.js';
import type { RoomSnapshot } from '../context/room-state-context.js';
import type { StringKey } from '../i18n/strings.js';
import { loadElement } from '../internal/lazy-elements.js';
import { rememberedChoices } from '../internal/remembered-choices.js';
import type { RtcDeviceCheck } from '../rtc-device-check/rtc-device-check.component.js';
import { LobbyMedia } from './lobby-media.js';
import { renderLobby, type PasswordPrompt } from './lobby-view.js';
import { browserFamily } from './media-access.js';
import { isViewer, lobbyUserId, tokenClaims } from './room-identity.js';
import type { RtcRoom } from './rtc-room.component.js';

type LobbyRoom = ReactiveControllerHost &
  Pick<RtcRoom, 'phase' | 'mode' | 'autojoin' | 'room' | 'token' | 'userId' | 'userName' | 'userRole' | 'password' | 'audio' | 'video' | 'config' | 'join' | 'toggleCamera'>;

export interface RoomLobbyHooks {
  t: (key: StringKey, params?: Record<string, string | number>) => string;
  passwordPrompt: () => PasswordPrompt;
  error: () => RtcError | undefined;
  dismissError: () => void;
  reportError: (error: unknown) => void;
  /** The room's engine (made on first use). */
  client: () => RtcClient;
}

export class RoomLobby {
  readonly media: LobbyMedia;

  constructor(
    private readonly room: LobbyRoom,
    private readonly hooks: RoomLobbyHooks,
  ) {
    this.media = new LobbyMedia(room, {
      viewer: () => isViewer(room.userRole, room.token),
      wantsCamera: () => room.config?.controlInfo?.enableCamera ?? room.video,
      wantsMicrophone: () => room.audio,
      openCamera: () => room.toggleCamera(true),
      beforePreview: () => this.#restoreChoices(),
      reportError: hooks.reportError,
    });
  }

  get shown(): boolean {
    const { phase, autojoin } = this.room;
    // An autojoin room shows no lobby while it joins (only a "Joining…" notice); a failed join brings it back.
    // While the room's lobby holds the join (`waiting`) the lobby stays, with the notice over it.
    return phase === 'lobby' || phase === 'calling' || phase === 'waiting' || (phase === 'joining' && !autojoin);
  }

  /** The camera preview starts once, in the lobby of a room that waits for its join button. */
  startPreview(): void {
    const room = this.room;
    if (room.phase === 'lobby' && !this.media.started && room.mode !== 'answer' && !room.autojoin) this.media.start();
  }

  /**
   * Last visit's lobby choices (remembered-choices.ts): an "off" stays off, and the devices come back
   * (by the device check's chunk, off the first paint). Resolves once a remembered camera is selected.
   */
  #restoreChoices(): Promise<void> {
    const { room } = this;
    const choices = rememberedChoices();
    if (choices.audio === false) room.audio = false;
    if (choices.video === false) room.video = false;
    const engine = this.hooks.client();
    const restored = loadElement('rtc-device-check')
      .then(() => (customElements.get('rtc-device-check') as typeof RtcDeviceCheck).restoreDevices(engine, choices))
      .catch(() => {});
    return choices.camera ? restored : Promise.resolve();
  }

  render(snapshot: RoomSnapshot) {
    const { room, hooks, media } = this;
    const denied = media.denied;
    return renderLobby({
      t: hooks.t,
      // The preview has the id the call will have, so the avatar colour (from the id) stays the same.
      self: snapshot.self && { ...snapshot.self, userId: snapshot.self.userId || lobbyUserId(room.userId, room.token) },
      name: room.userName || tokenClaims(room.token)?.name,
      room: room.room,
      joining: room.phase === 'joining' || room.phase === 'waiting',
      viewer: isViewer(room.userRole, room.token),
      audio: room.audio,
      video: room.video,
      token: room.token,
      askName: !room.token && !room.userName,
      userName: room.userName,
      password: room.password,
      passwordPrompt: hooks.passwordPrompt(),
      denied,
      browser: browserFamily(),
      error: hooks.error(),
      toggleMicrophone: () => {
        if (denied.microphone) void media.retry();
        else room.audio = !room.audio;
      },
      toggleCamera: () => {
        if (denied.camera) return void media.retry();
        room.video = !snapshot.self?.media.video;
        room.toggleCamera(room.video).catch(hooks.reportError);
      },
      setName: (name) => (room.userName = name),
      setPassword: (password) => (room.password = password),
      join: () => room.join().catch(() => {}),
      retryMedia: () => void media.retry(),
      dismissError: hooks.dismissError,
    });
  }
}
