import { RtcError, type ErrorCode } from '../errors.js';

/** getUserMedia / getDisplayMedia failures by DOMException name. */
const BY_NAME: Record<string, ErrorCode> = {
  NotAllowedError: 'permission-denied',
  SecurityError: 'permission-denied',
  PermissionDeniedError: 'permission-denied',
  NotFoundError: 'device-not-found',
  DevicesNotFoundError: 'device-not-found',
  NotReadableError: 'device-in-use',
  TrackStartError: 'device-in-use',
  AbortError: 'device-in-use',
  OverconstrainedError: 'constraints-not-satisfied',
  ConstraintNotSatisfiedError: 'constraints-not-satisfied',
  TypeError: 'unsupported',
  NotSupportedError: 'unsupported',
};

/** Turn a capture failure into an RtcError with a stable code; the original stays as `cause`. */
export function toMediaError(error: unknown, device: 'camera' | 'microphone'): RtcError {
  if (error instanceof RtcError) return error;
  const name = (error as { name?: string } | null)?.name ?? '';
  const code = BY_NAME[name] ?? 'device-not-found';
  const what = device === 'camera' ? 'camera' : 'microphone';
  const messages: Partial<Record<ErrorCode, string>> = {
    'permission-denied': `Access to the ${what} was denied.`,
    'device-not-found': `No ${what} was found.`,
    'device-in-use': `The ${what} is in use by another application.`,
    'constraints-not-satisfied': `No ${what} can satisfy the requested settings.`,
  };
  return new RtcError(code, messages[code], { cause: error });
}

/** A screen-share picker failure: the user closing it (NotAllowedError) is a cancel, not a denial. */
export function toScreenError(error: unknown): RtcError {
  if (error instanceof RtcError) return error;
  const name = (error as { name?: string } | null)?.name ?? '';
  if (name === 'NotAllowedError' || name === 'AbortError') return new RtcError('screen-share-cancelled', undefined, { cause: error });
  if (name === 'NotSupportedError' || name === 'TypeError') return new RtcError('unsupported', 'This browser cannot share the screen.', { cause: error });
  return new RtcError('screen-share-cancelled', undefined, { cause: error });
}
