import type { ChatMessage } from '../../../protocol/model.js';
import { exceedsUtf8, randomId } from '../encoding.js';
import { can } from '../../../protocol/permissions.js';
import { HubError } from '../errors.js';
import { recipientsOf } from './recipients.js';
import type { SessionHandler } from './types.js';

/**
 * `chat`: stamped, stored for late joiners, acknowledged with the stored message, delivered to the
 * recipients only. (A resent `rid` never gets here: the dispatcher answers it with the first ack.)
 */
export const handleChat: SessionHandler<'chat'> = (session, { rid, text, to: requested }) => {
  if (!can(session.role, 'chat')) throw new HubError('not-allowed', 'You cannot chat in this room.');
  const { maxChatBytes } = session.room.config;
  if (exceedsUtf8(text, maxChatBytes)) throw new HubError('too-large', `Chat messages are limited to ${maxChatBytes} bytes.`);
  const { to, recipients } = recipientsOf(session, requested);
  if (!session.chatLimit.take()) throw new HubError('rate-limited', 'Too many chat messages; wait a moment.');
  const message: ChatMessage = { id: randomId(9), from: session.userId, fromName: session.name, to, text, ts: Date.now() };
  session.room.recordChat(message);
  session.send({ type: 'ack', rid, message });
  for (const recipient of recipients) recipient.send({ type: 'chat', message });
};
