import { requirePermission } from './guards.js';
import type { SessionHandler } from './types.js';

/**
 * `audio-only`: a host makes the whole call audio only, or lifts it. On: every camera goes off, the
 * host's own and the other hosts' too (each is told who did it), and none may turn on until it is
 * lifted (handlers/media.ts and join.ts refuse). Screens may still be shared. Not stored: it ends with the call.
 */
export const handleAudioOnly: SessionHandler<'audio-only'> = (session, { rid, on }) => {
  requirePermission(session, 'mute-others', 'make the call audio only');
  const room = session.room;
  room.audioOnly = on;
  if (on) {
    for (const member of room.members.values()) {
      if (member === session) {
        if (!member.media.video) continue;
        member.media = { ...member.media, video: false };
        room.broadcast({ type: 'participant-updated', participant: member.info() }, member);
      } else {
        room.mute(member, 'video', session);
      }
    }
  }
  session.send({ type: 'ack', rid });
  room.stateChanged();
};
