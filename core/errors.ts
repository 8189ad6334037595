import type { ErrorCode } from '../protocol/error-codes.js';

export type { ErrorCode };

/** Default English messages; docs/errors.md explains each code and what to do about it. */
const MESSAGES: Record<ErrorCode, string> = {
  'permission-denied': 'Access to the camera or microphone was denied.',
  'device-not-found': 'No camera or microphone was found.',
  'device-in-use': 'The camera or microphone is in use by another application.',
  'constraints-not-satisfied': 'No device can satisfy the requested settings.',
  'screen-share-cancelled': 'Screen sharing was cancelled.',
  unsupported: 'This browser does not support what was asked.',
  misconfigured: "This call isn't set up correctly.",
  'token-invalid': 'The join token is invalid.',
  'token-expired': 'The join token has expired.',
  'room-mismatch': 'The join token is for another room.',
  'room-full': 'The room is full.',
  'wrong-password': 'The room password is wrong.',
  'room-not-found': 'The room does not exist.',
  'room-locked': 'The room is locked: nobody new can join.',
  'room-ended': 'The host ended this room.',
  denied: 'The host did not let you in.',
  replaced: 'You joined this room from somewhere else.',
  kicked: 'You were removed from the room.',
  'resume-failed': 'The session could not be resumed.',
  'bad-message': 'The server could not understand a message.',
  'too-large': 'The message is too large.',
  'rate-limited': 'Too many messages; slow down.',
  'not-allowed': 'Your role does not allow this.',
  'not-joined': 'Join the room first.',
  'unknown-user': 'That person is not in the room.',
  'screen-share-busy': 'Someone else is already sharing their screen.',
  offline: 'Nobody you called is reachable right now.',
  network: 'The connection to the server was lost.',
  timeout: 'The server did not answer in time.',
  'server-error': 'The server failed to handle the request.',
  // Media server (SFU rooms)
  'media-unavailable': 'The media server is not available right now.',
  // Server recording (issue 11)
  'recording-unavailable': 'This room cannot be recorded on the server.',
};

/** The one error type the engine throws and emits. `code` is stable; `message` is for people. */
export class RtcError extends Error {
  override readonly name = 'RtcError';

  constructor(
    readonly code: ErrorCode,
    message: string = MESSAGES[code],
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  static is(value: unknown, code?: ErrorCode): value is RtcError {
    return value instanceof RtcError && (code === undefined || value.code === code);
  }
}

export function defaultErrorMessage(code: ErrorCode): string {
  return MESSAGES[code];
}
