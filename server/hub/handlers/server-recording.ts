import { randomId } from '../encoding.js';
import { HubError } from '../errors.js';
import type { HubContext } from '../context.js';
import type { Session } from '../session.js';
import { requirePermission } from './guards.js';
import type { SessionHandler } from './types.js';

/**
 * `server-recording` (`record`): the media server records the room, or stops; everyone sees it in
 * `RoomState.serverRecording`. Only SFU rooms can be recorded: a mesh's media never reaches the server
 * (`recording-unavailable`, docs/server.md#recordings). Starting twice or stopping when none runs is
 * a no-op that acks: two hosts pressing at once both get what they asked for.
 */
export const createServerRecordingHandler = (ctx: HubContext): SessionHandler<'server-recording'> => async (session, { rid, on }) => {
  requirePermission(session, 'record', 'record the room');
  const { room } = session;
  const media = room.media;
  if (!media?.startRecording || !media.stopRecording || !media.alive) {
    throw new HubError('recording-unavailable', media ? 'This server cannot record (its media server records nothing).' : 'This room is a mesh: only rooms on the media server can be recorded.');
  }
  if (on && !room.serverRecording) {
    const recording = { by: session.userId, startedAt: ctx.now() };
    // Claimed before the media server answers: a second start meanwhile is the same recording.
    room.serverRecording = recording;
    try {
      await media.startRecording({ id: `rec_${randomId(12)}`, startedAt: recording.startedAt });
    } catch (error) {
      if (room.serverRecording === recording) room.serverRecording = null;
      ctx.log.warn(`recording ${room.id} did not start: ${String(error)}`);
      throw new HubError('recording-unavailable', 'The media server could not start recording.');
    }
    if (room.serverRecording === recording) ctx.log.info(`recording ${room.id}: started by ${session.userId}`);
    room.stateChanged();
  } else if (!on && room.serverRecording) {
    room.serverRecording = null;
    room.stateChanged();
    await stop(ctx, session);
  }
  session.send({ type: 'ack', rid });
};

async function stop(ctx: HubContext, session: Session): Promise<void> {
  try {
    await session.room.media?.stopRecording?.();
    ctx.log.info(`recording ${session.room.id}: stopped by ${session.userId}`);
  } catch (error) {
    ctx.log.warn(`recording ${session.room.id} did not stop cleanly: ${String(error)}`);
  }
}
