/** Joining the engine with the room's settings: its token, or a dev token a dev-mode server hands out. */
import { renewDevToken } from '../../core/dev-token.js';
import type { RtcClient } from '../../core/rtc-client.js';
import { defaultServer } from '../internal/default-server.js';
import { askDevToken, isViewer } from './room-identity.js';
import type { RtcRoom } from './rtc-room.component.js';

export type JoinSettings = Pick<RtcRoom, 'server' | 'room' | 'token' | 'userId' | 'userName' | 'userRole' | 'password' | 'audio' | 'video' | 'config'>;

/**
 * Joins with `room`'s settings. Without a token, the camera and microphone open while the dev token
 * is fetched, instead of after it (a failure is reported by the join, which asks again); not for a
 * viewer, who captures nothing. `guestName`: the name of someone who typed none ("Guest", as in the lobby).
 */
export async function joinEngine(engine: RtcClient, room: JoinSettings, guestName: string): Promise<void> {
  const server = room.server || defaultServer() || '';
  const video = room.config?.controlInfo?.enableCamera ?? room.video;
  let token = room.token;
  if (!token) {
    const asking = askDevToken({ server, room: room.room, userId: room.userId, token, name: room.userName || guestName, role: room.userRole });
    if (!isViewer(room.userRole, room.token)) {
      if (room.audio) void engine.setMicrophone(true).catch(() => {});
      if (video) void engine.setCamera(true).catch(() => {});
    }
    token = await asking;
  }
  // A dev token we fetched ourselves is renewed the same way when a restarted server refuses it.
  const renewToken = room.token ? undefined : (refused: string) => renewDevToken(server, refused);
  await engine.join(token, { audio: room.audio, video, renewToken, ...(room.password ? { password: room.password } : {}) });
}
