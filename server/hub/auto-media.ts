/**
 * The `auto` media policy (docs/media-server.md): a small call stays peer to peer; past `meshMaxSenders`
 * people who send, or with any viewer (viewers always receive through the media server: in a mesh each
 * would cost every sender an upload), it moves to the media server, and back once neither holds.
 */
export type MediaMove = 'to-sfu' | 'to-mesh' | null;

/** Where a room on `auto` should go, given who is in it and where its media is now. */
export function autoMediaMove(people: { senders: number; viewers: number }, meshMaxSenders: number, onMediaServer: boolean): MediaMove {
  const wantsMediaServer = people.senders > meshMaxSenders || people.viewers > 0;
  if (!onMediaServer && wantsMediaServer) return 'to-sfu';
  if (onMediaServer && !wantsMediaServer) return 'to-mesh';
  return null;
}

/**
 * After a move back to the mesh the old room stays on the media server this long, so both paths carry
 * sound while the engines link up peer to peer (each closes its media-server connections once the
 * mesh delivers everyone).
 */
export const MEDIA_DRAIN_MS = 15_000;
