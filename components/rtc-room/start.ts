/**
 * The plugin's full-screen JS entries: `start(config)` creates a room and opens it over the page,
 * `join(roomId, config)` opens an existing one. Both resolve `{ roomId, token, room }` once the
 * `<rtc-room mode="fullscreen">` is on the page and joining; it removes itself when the call ends.
 */
import { createRoom, fetchDevToken, type CreateRoomRequest } from '../../core/dev-token.js';
import type { Role } from '../../core/types.js';
import type { Layout } from '../context/room-state-context.js';
import { defaultServer } from '../internal/default-server.js';
import { pluginVideoQuality } from '../../core/media/quality-names.js';
import type { RoomConfig } from './room-config.js';
import type { RtcRoom } from './rtc-room.component.js';
import './rtc-room.js';

export interface StartConfig extends RoomConfig {
  /** Server base URL; by default the origin the kit was loaded from. */
  server?: string;
  /** `join`: the token to join with (else a dev-mode server is asked for one). `start`: the bearer token allowed to create rooms, when the server wants one. */
  token?: string;
  userId?: string;
  userName?: string;
  role?: Role;
  password?: string;
  /** Start with the microphone / camera on (default true). */
  audio?: boolean;
  video?: boolean;
  /** The camera preset (`<rtc-room video-quality>`: `720p`, `360p_portrait`…); it wins over `resolution` and `fps`. */
  videoQuality?: string;
  /** The plugin's capture size: 0 = 640×360, 1 = 960×540, 2 = 1280×720 (default, with `fps`). */
  resolution?: 0 | 1 | 2;
  /** The plugin's frame rate: 15 or 30 (default). */
  fps?: 15 | 30;
  lang?: string;
  theme?: 'light' | 'dark' | 'auto';
  layout?: Layout;
  /** `fullscreen` (default) covers the page; `answer` shows the incoming-call page first, in the page's CSS. */
  mode?: 'fullscreen' | 'answer';
  /** Where the room goes (default `document.body`). */
  container?: HTMLElement;
}

export interface RoomInfo {
  roomId: string;
  token: string;
  /** The `<rtc-room>` that was opened. */
  room: RtcRoom;
}

/** Creates a room (as its host) and opens it over the page. */
export async function start(config: StartConfig = {}): Promise<RoomInfo> {
  const request: CreateRoomRequest & { name?: string; user?: string } = {
    ...(config.password ? { password: config.password } : {}),
    ...(config.userName ? { name: config.userName } : {}),
    ...(config.userId ? { user: config.userId } : {}),
  };
  const { roomId, token } = await createRoom(serverOf(config), request, config.token);
  return { roomId, token, room: open(roomId, token, config) };
}

/** Opens an existing room over the page. */
export async function join(roomId: string, config: StartConfig = {}): Promise<RoomInfo> {
  const token =
    config.token ??
    (await fetchDevToken(serverOf(config), {
      room: roomId,
      ...(config.userId ? { user: config.userId } : {}),
      ...(config.userName ? { name: config.userName } : {}),
      ...(config.role ? { role: config.role } : {}),
    }));
  return { roomId, token, room: open(roomId, token, config) };
}

function serverOf(config: StartConfig): string {
  return config.server || defaultServer() || '';
}

function open(roomId: string, token: string, config: StartConfig): RtcRoom {
  const { server, userName, password, audio, video, lang, theme, layout, mode, container, resolution, fps } = config;
  const videoQuality = config.videoQuality || (resolution !== undefined || fps !== undefined ? pluginVideoQuality(resolution, fps) : '');
  const room = document.createElement('rtc-room');
  Object.assign(room, {
    mode: mode ?? 'fullscreen',
    autojoin: (mode ?? 'fullscreen') === 'fullscreen',
    room: roomId,
    token,
    config,
    ...(server ? { server } : {}),
    ...(userName ? { userName } : {}),
    ...(password ? { password } : {}),
    ...(audio === false ? { audio } : {}),
    ...(video === false ? { video } : {}),
    ...(videoQuality ? { videoQuality } : {}),
    ...(theme ? { theme } : {}),
    ...(layout ? { layout } : {}),
  });
  if (lang) room.lang = lang;
  // The call over, the page is given back (answer mode stays for its end page: the page removes it).
  if (room.mode === 'fullscreen') room.addEventListener('rtc-left', () => room.remove(), { once: true });
  (container ?? document.body).append(room);
  return room;
}
