import { HubError } from '../errors.js';
import { requirePermission } from './guards.js';
import type { SessionHandler } from './types.js';

/** `room-settings`: lock, lobby, title; each field present is changed, and kept as long as the room is stored. */
export const handleRoomSettings: SessionHandler<'room-settings'> = (session, { rid, locked, lobby, title }) => {
  requirePermission(session, 'lock', 'change the room\'s settings');
  const room = session.room;
  if (locked !== undefined) room.locked = locked;
  if (title !== undefined) room.title = title;
  if (lobby !== undefined) {
    room.lobby = lobby;
    // No lobby any more: whoever was waiting gets in.
    if (!lobby) room.lobbyQueue.decideAll('admitted');
  }
  session.send({ type: 'ack', rid });
  room.stateChanged(true);
};

/** `end-room`: acknowledged, then everyone (the host too) is out with `room-ended`. */
export const handleEndRoom: SessionHandler<'end-room'> = (session, { rid }) => {
  requirePermission(session, 'end', 'end the room');
  session.send({ type: 'ack', rid });
  session.room.end();
};

/** `admit` and `deny`: a host decides on someone waiting in the lobby. */
export const handleAdmit: SessionHandler<'admit'> = (session, { rid, userId }) => {
  requirePermission(session, 'admit', 'let people in');
  if (!session.room.lobbyQueue.decide(userId, 'admitted')) throw new HubError('unknown-user', `"${userId}" is not waiting.`);
  session.send({ type: 'ack', rid });
};

export const handleDeny: SessionHandler<'deny'> = (session, { rid, userId }) => {
  requirePermission(session, 'admit', 'turn people away');
  if (!session.room.lobbyQueue.decide(userId, 'denied')) throw new HubError('unknown-user', `"${userId}" is not waiting.`);
  session.send({ type: 'ack', rid });
};
