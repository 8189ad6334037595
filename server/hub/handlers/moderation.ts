import { moderates } from '../../../protocol/permissions.js';
import { moderatedTarget, requirePermission } from './guards.js';
import type { SessionHandler } from './types.js';

/**
 * Host powers over others' media. The server cannot stop media in the mesh itself: it turns the
 * state off, tells everyone, and tells the person, whose engine turns the source off.
 */

/** `mute`: one person's microphone or camera goes off; they are told who did it. */
export const handleMute: SessionHandler<'mute'> = (session, { rid, userId, kind }) => {
  requirePermission(session, 'mute-others', 'mute others');
  session.room.mute(moderatedTarget(session, userId), kind, session);
  session.send({ type: 'ack', rid });
};

/** `ask-unmute`: the person gets a request and chooses; while a hold is on, it lets them. */
export const handleAskUnmute: SessionHandler<'ask-unmute'> = (session, { rid, userId, kind }) => {
  requirePermission(session, 'mute-others', 'ask others to unmute');
  const target = moderatedTarget(session, userId);
  target.grantUnmute(kind, true);
  target.send({ type: 'unmute-request', kind, by: session.userId, byName: session.name });
  session.send({ type: 'ack', rid });
};

/** `mute-all`: everyone but the hosts; with `hold`, nobody but hosts can turn that source on until it is released. */
export const handleMuteAll: SessionHandler<'mute-all'> = (session, { rid, kind, hold = false }) => {
  requirePermission(session, 'mute-others', 'mute everyone');
  const room = session.room;
  if (hold) room.held[kind] = true;
  for (const member of room.members.values()) {
    if (!moderates(member.role)) room.mute(member, kind, session);
  }
  session.send({ type: 'ack', rid });
  room.stateChanged();
};

/** `hold`: put on or release the hold on a source, muting nobody. */
export const handleHold: SessionHandler<'hold'> = (session, { rid, kind, held }) => {
  requirePermission(session, 'mute-others', 'hold mutes');
  const room = session.room;
  room.held[kind] = held;
  // A new hold starts clean: earlier "ask to unmute" permits do not survive it.
  if (held) for (const member of room.members.values()) member.grantUnmute(kind, false);
  session.send({ type: 'ack', rid });
  room.stateChanged();
};

/** `stop-screen`: someone's screen share ends; they are told who did it and their engine stops capturing. */
export const handleStopScreen: SessionHandler<'stop-screen'> = (session, { rid, userId }) => {
  requirePermission(session, 'mute-others', 'stop others\' screen shares');
  const target = moderatedTarget(session, userId);
  const room = session.room;
  if (target.media.screen || room.screenSharer === target.userId) {
    if (room.screenSharer === target.userId) room.screenSharer = null;
    target.media = { ...target.media, screen: false };
    room.broadcast({ type: 'participant-updated', participant: target.info() }, target);
    target.send({ type: 'screen-stopped', by: session.userId, byName: session.name });
    room.stateChanged();
  }
  session.send({ type: 'ack', rid });
};
