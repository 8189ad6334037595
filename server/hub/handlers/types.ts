import type { ClientMessage, ClientMessageOf } from '../../../protocol/client-messages.js';
import type { Connection } from '../connection.js';
import type { Session } from '../session.js';
import type { Line } from '../calls/line.js';

/** Frames a socket may send before it has joined. */
export type ConnectionMessageType = 'join' | 'ping' | 'line';
/** Frames of a socket opened as a line (docs/calls.md). */
export type LineMessageType = 'call' | 'accept' | 'decline' | 'cancel';
export type SessionMessageType = Exclude<ClientMessage['type'], ConnectionMessageType | LineMessageType>;

export type ConnectionHandler<T extends ConnectionMessageType> = (conn: Connection, message: ClientMessageOf<T>) => void | Promise<void>;
/** Runs for an admitted session; throws HubError to refuse. */
export type SessionHandler<T extends SessionMessageType> = (session: Session, message: ClientMessageOf<T>) => void | Promise<void>;

/** Runs for an open line; throws HubError to refuse. */
export type LineHandler<T extends LineMessageType> = (line: Line, message: ClientMessageOf<T>) => void | Promise<void>;

/** One handler per client message type (peerjs-server's HandlersRegistry). */
export type HandlerRegistry = { [T in ConnectionMessageType]: ConnectionHandler<T> } & {
  [T in SessionMessageType]: SessionHandler<T>;
} & {
  [T in LineMessageType]: LineHandler<T>;
};
