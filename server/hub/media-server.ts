/**
 * The seam between the room logic and a media server (Janus; server/media/janus/). The hub stays free of
 * Node APIs: it only sees rooms and members here, and the Node side implements them. docs/media-server.md.
 */
import type { MediaSource, SfuStream } from '../../protocol/model.js';

/** One person of an SFU room, as the media server sees them: who they are and how to reach them. */
export interface MediaMember {
  readonly userId: string;
  /** A new offer for their receiving connection (first subscription, or people came or went). */
  offer(sdp: string, streams: SfuStream[]): void;
}

/** One room on the media server; every id in it is the media server's own, never ours. */
export interface MediaRoom {
  /** False once the media server went away (the room's media is then lost). */
  readonly alive: boolean;
  /** Someone is in the room: they will receive whoever sends, as of now. */
  join(member: MediaMember): void;
  /** Their sending connection's offer (first or again): resolves with the media server's answer. */
  publish(userId: string, offer: string, sources: Record<string, MediaSource>): Promise<string>;
  /** Their answer to the last offer `offer()` gave them. */
  answer(userId: string, sdp: string): Promise<void>;
  /** They are out (left, kicked, timed out): everything of theirs on the media server ends now. */
  leave(userId: string): void;
  /** Nobody is left: the room goes from the media server. */
  close(): void;
}

export interface MediaServer {
  /**
   * A room on the media server for room `roomId`, or null when it is not available (the room uses the
   * mesh). `onLost` is called once if the media server goes away under it (Janus died).
   */
  openRoom(roomId: string, onLost: () => void): MediaRoom | null;
}
