import { can } from '../../../protocol/permissions.js';
import { HubError } from '../errors.js';
import type { HubContext } from '../context.js';
import type { MediaRoom } from '../media-server.js';
import type { Session } from '../session.js';
import type { SessionHandler } from './types.js';

/** The room's media server, or `bad-message` for a mesh room (the client should not be sending these). */
function mediaOf(session: Session): MediaRoom {
  const media = session.room.media;
  if (!media) throw new HubError('bad-message', 'This room is a mesh: there is no media server to talk to.');
  if (!media.alive) throw new HubError('media-unavailable', 'The media server is not available.');
  return media;
}

/** The media server failed us: the client hears it as `media-unavailable`, the log says why. */
function unavailable(ctx: HubContext, session: Session, what: string, error: unknown): HubError {
  ctx.log.warn(`media server: could not ${what} (${session.userId} in ${session.room.id}): ${String(error)}`);
  return new HubError('media-unavailable', `The media server could not ${what}.`);
}

/**
 * `sfu-publish`: our server hands the offer to the media server and acks with its answer. Only a role
 * that may send anything publishes; each m-line's source is what the client says, the identity ours.
 */
export const createSfuPublishHandler = (ctx: HubContext): SessionHandler<'sfu-publish'> => async (session, { rid, sdp, sources }) => {
  const media = mediaOf(session);
  const { role } = session;
  const mayPublish = can(role, 'publish-audio') || can(role, 'publish-video') || can(role, 'publish-screen');
  if (!mayPublish) throw new HubError('not-allowed', 'Your role cannot send media.');
  let answer: string;
  try {
    answer = await media.publish(session.userId, sdp, sources);
  } catch (error) {
    throw unavailable(ctx, session, 'take your media', error);
  }
  // Gone meanwhile (left, kicked, replaced): the media server has already forgotten them.
  if (session.room.members.get(session.userId) !== session) return;
  session.send({ type: 'ack', rid, sdp: answer });
};

/** `sfu-answer`: the answer to the last `sfu-offer`, for the receiving connection. */
export const createSfuAnswerHandler = (ctx: HubContext): SessionHandler<'sfu-answer'> => async (session, { sdp }) => {
  const media = mediaOf(session);
  try {
    await media.answer(session.userId, sdp);
  } catch (error) {
    throw unavailable(ctx, session, 'start sending you media', error);
  }
};

// sfu2: simulcast by tile size
/**
 * `sfu-view`: how big this person shows someone's camera. Only their own receiving connection changes
 * (the media server is told who asks from the session, never from the message); nobody else's.
 */
export const handleSfuView: SessionHandler<'sfu-view'> = (session, { userId, width, height }) => {
  mediaOf(session).view?.(session.userId, userId, { width, height });
};

/** `sfu-layers`: the sizes of the camera layers this person sends (a role that sends nothing has none). */
export const handleSfuLayers: SessionHandler<'sfu-layers'> = (session, { layers }) => {
  if (!can(session.role, 'publish-video')) throw new HubError('not-allowed', 'Your role cannot send a camera.');
  mediaOf(session).cameraLayers?.(session.userId, layers);
};
