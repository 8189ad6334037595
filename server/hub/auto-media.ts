/**
 * The `auto` media policy (docs/media-server.md): a small call stays peer to peer; past `meshMaxSenders`
 * people who send it moves to the media server, and back once it shrinks to that many again.
 */
export type MediaMove = 'to-sfu' | 'to-mesh' | null;

/** Where a room on `auto` should go, given how many of its people may send and where its media is now. */
export function autoMediaMove(senders: number, meshMaxSenders: number, onMediaServer: boolean): MediaMove {
  if (!onMediaServer && senders > meshMaxSenders) return 'to-sfu';
  if (onMediaServer && senders <= meshMaxSenders) return 'to-mesh';
  return null;
}

/**
 * After a move back to the mesh the old room stays on the media server this long, so both paths carry
 * sound while the engines link up peer to peer (each closes its media-server connections once the
 * mesh delivers everyone).
 */
export const MEDIA_DRAIN_MS = 15_000;
