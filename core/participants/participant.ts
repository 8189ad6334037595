/** Participant snapshots: frozen objects, replaced (never mutated) on every change. */
import type { MediaState, ParticipantInfo } from '../../protocol/model.js';
import type { Participant } from '../types.js';

const NO_MEDIA: MediaState = Object.freeze({ audio: false, video: false, screen: false });

export function snapshot(participant: Participant): Participant {
  return Object.freeze({ ...participant, media: Object.freeze({ ...participant.media }) });
}

/** The local participant before join: a preview with no identity yet. */
export function emptySelf(): Participant {
  return snapshot({
    userId: '', sessionId: '', name: '', role: 'participant', local: true, media: NO_MEDIA,
    stream: null, screenStream: null, handRaised: false, joinedAt: 0, link: 'new',
  });
}

export function remoteFromInfo(info: ParticipantInfo, handRaised: boolean): Participant {
  return snapshot({
    userId: info.userId, sessionId: info.sessionId, name: info.name, role: info.role, local: false,
    media: info.media, stream: null, screenStream: null, handRaised, joinedAt: info.joinedAt, link: 'new',
  });
}

/** The same tracks as `stream` has (order aside)? Keeps a stream's identity while nothing changed. */
function sameTracks(stream: MediaStream | null, tracks: readonly MediaStreamTrack[]): boolean {
  if (!stream) return tracks.length === 0;
  const current = stream.getTracks();
  return current.length === tracks.length && tracks.every((t) => current.includes(t));
}

/** A stream with exactly these tracks: the previous one when nothing changed, else a new one (so UIs compare by identity). */
export function streamOf(previous: MediaStream | null, tracks: readonly MediaStreamTrack[]): MediaStream | null {
  if (sameTracks(previous, tracks)) return previous;
  return tracks.length ? new MediaStream([...tracks]) : null;
}
