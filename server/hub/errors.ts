import { CLOSE_CODES, type ErrorCode } from '../../protocol/error-codes.js';

/**
 * An expected refusal: handlers throw it and the hub turns it into an `error` frame (echoing the
 * request's `rid`). A fatal one is followed by closing the socket with `closeCode`.
 */
export class HubError extends Error {
  override readonly name = 'HubError';
  readonly fatal: boolean;
  readonly closeCode: number;

  constructor(readonly code: ErrorCode, message: string, options: { fatal?: boolean; closeCode?: number } = {}) {
    super(message);
    this.fatal = options.fatal ?? false;
    this.closeCode = options.closeCode ?? CLOSE_CODES.refused;
  }
}

/** Longest `message` in an error frame, in UTF-16 units. */
export const MAX_ERROR_MESSAGE_LENGTH = 200;

/** `text` cut to MAX_ERROR_MESSAGE_LENGTH, with an ellipsis when something was cut. */
export function shortened(text: string): string {
  return text.length <= MAX_ERROR_MESSAGE_LENGTH ? text : `${text.slice(0, MAX_ERROR_MESSAGE_LENGTH - 1)}…`;
}
