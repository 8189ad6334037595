import { CLOSE_CODES } from '../../../protocol/error-codes.js';
import type { SessionHandler } from './types.js';

/** `leave`: gone for good; the others see reason `left` and the socket closes normally. */
export const handleLeave: SessionHandler<'leave'> = (session) => {
  const conn = session.conn;
  session.room.remove(session, 'left');
  conn?.close(CLOSE_CODES.normal, 'left');
};
