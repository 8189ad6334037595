/**
 * Stable error codes shared by the server (in `error` frames) and the engine (in `RtcError.code`).
 * The table with messages and what to do about each lives in docs/errors.md; keep both in step.
 */
export const ERROR_CODES = [
  // Media and devices (engine only)
  'permission-denied',
  'device-not-found',
  'device-in-use',
  'constraints-not-satisfied',
  'screen-share-cancelled',
  'unsupported',
  // Setup (engine and elements only): the page's configuration, not the person, is at fault
  'misconfigured',
  // Admission
  'token-invalid',
  'token-expired',
  'room-mismatch',
  'room-full',
  'wrong-password',
  'room-not-found',
  'room-locked',
  'room-ended',
  'denied',
  // Session ended by the server
  'replaced',
  'kicked',
  'resume-failed',
  // Requests
  'bad-message',
  'too-large',
  'rate-limited',
  'not-allowed',
  'not-joined',
  'unknown-user',
  'screen-share-busy',
  // Calls (issue 12): nobody of that id has a line open
  'offline',
  // Transport
  'network',
  'timeout',
  'server-error',
  // Media server (SFU rooms): it failed or is down; the engine retries or the room falls back to the mesh
  'media-unavailable',
  // Server recording: the room's media is not on a media server that records (a mesh room, or no recordings here)
  'recording-unavailable',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** Errors after which the server closes the socket: the engine must not reconnect on its own. */
export const FATAL_ERROR_CODES: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'token-invalid',
  'token-expired',
  'room-mismatch',
  'room-full',
  'wrong-password',
  'room-not-found',
  'room-locked',
  'room-ended',
  'denied',
  'replaced',
  'kicked',
]);

/** WebSocket close codes the server uses after a fatal error frame (4000-4999 is the application range). */
export const CLOSE_CODES = {
  normal: 1000,
  /** The socket was refused admission: see the preceding error frame. */
  refused: 4001,
  /** Another session took this user's place. */
  replaced: 4002,
  kicked: 4003,
  /** A host ended the room for everyone. */
  ended: 4004,
  /** The connection sent too much or too fast and was cut off. */
  abuse: 4008,
  /** The client did not read fast enough: too much was waiting for it. Reconnect and resume. */
  tooSlow: 4009,
} as const;
