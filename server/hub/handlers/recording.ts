import type { SessionHandler } from './types.js';

/**
 * `recording`: the sender records the call on their own device, or stopped. Anyone in the room may:
 * a local recording keeps what that person already sees and hears, which no server can prevent, so
 * the point is that everyone is told. The server stamps who (the session's user, never a name in the
 * frame), and a recorder who leaves is taken off the list.
 */
export const handleRecording: SessionHandler<'recording'> = (session, { rid, on }) => {
  session.room.setRecording(session.userId, on);
  session.send({ type: 'ack', rid });
  session.room.stateChanged();
};
