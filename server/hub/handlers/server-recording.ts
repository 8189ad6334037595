import { randomId } from '../encoding.js';
import { HubError } from '../errors.js';
import type { HubContext } from '../context.js';
import type { MediaRoom } from '../media-server.js';
import type { Room } from '../room.js';
import type { Session } from '../session.js';
import { requirePermission } from './guards.js';
import type { SessionHandler } from './types.js';

/** Each room's start and stop requests, one after the other: a stop sent while a start is under way stops it. */
const queues = new WeakMap<Room, Promise<unknown>>();

/**
 * `server-recording` (`record`): the media server records the room, or stops; everyone sees it in
 * `RoomState.serverRecording` once it records. An `auto` room in the mesh is moved to the media server
 * first; a `mesh` room's media never reaches the server (`recording-unavailable`, docs/server.md#recordings). Starting twice or stopping
 * when none runs acks and changes nothing: two hosts pressing at once both get what they asked for.
 */
export const createServerRecordingHandler = (ctx: HubContext): SessionHandler<'server-recording'> => async (session, { rid, on }) => {
  requirePermission(session, 'record', 'record the room');
  const { room } = session;
  const run = (queues.get(room) ?? Promise.resolve()).then(() => (on ? start(ctx, session) : stop(ctx, session)));
  queues.set(room, run.catch(() => undefined));
  await run;
  session.send({ type: 'ack', rid });
};

function recordingMedia(room: Room): MediaRoom & Required<Pick<MediaRoom, 'startRecording' | 'stopRecording'>> {
  // An `auto` room in the mesh moves to the media server for it (everyone hears `media-changed`).
  room.moveToMediaServerForRecording();
  const media = room.media;
  if (!media?.startRecording || !media.stopRecording || !media.alive) {
    throw new HubError('recording-unavailable', media
      ? 'This server cannot record (its media server records nothing).'
      : 'This room is a mesh (media: mesh, or no media server): only rooms on the media server can be recorded.');
  }
  return media as MediaRoom & Required<Pick<MediaRoom, 'startRecording' | 'stopRecording'>>;
}

async function start(ctx: HubContext, session: Session): Promise<void> {
  const { room } = session;
  const media = recordingMedia(room);
  if (room.serverRecording) return;
  const startedAt = ctx.now();
  try {
    await media.startRecording({ id: `rec_${randomId(12)}`, startedAt });
  } catch (error) {
    ctx.log.warn(`recording ${room.id} did not start: ${String(error)}`);
    throw new HubError('recording-unavailable', 'The media server could not start recording.');
  }
  // The room emptied or lost its media server meanwhile: that ended the recording already.
  if (room.media !== media) return;
  room.serverRecording = { by: session.userId, startedAt };
  ctx.log.info(`recording ${room.id}: started by ${session.userId}`);
  room.stateChanged();
}

async function stop(ctx: HubContext, session: Session): Promise<void> {
  const { room } = session;
  if (!room.serverRecording) return;
  room.serverRecording = null;
  room.stateChanged();
  try {
    await room.media?.stopRecording?.();
    ctx.log.info(`recording ${room.id}: stopped by ${session.userId}`);
  } catch (error) {
    ctx.log.warn(`recording ${room.id} did not stop cleanly: ${String(error)}`);
  }
}
