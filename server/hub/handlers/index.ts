import { parseClientMessage, type ClientMessage } from '../../../protocol/client-messages.js';
import type { Connection, Dispatch } from '../connection.js';
import type { HubContext } from '../context.js';
import type { Session } from '../session.js';
import { exceedsUtf8 } from '../encoding.js';
import { HubError } from '../errors.js';
import type { ConnectionMessageType, HandlerRegistry, LineMessageType } from './types.js';
import type { Line } from '../calls/line.js';
import { createCallHandlers, createInviteHandler, createLineHandler } from './line.js';
import { createJoinHandler } from './join.js';
import { handleChat } from './chat.js';
import { handleData } from './data.js';
import { handleHand } from './hand.js';
import { handleHistory } from './history.js';
import { handleKick } from './kick.js';
import { handleLeave } from './leave.js';
import { handleMedia } from './media.js';
import { handleReaction } from './reaction.js';
import { handleScreen } from './screen.js';
import { handleSignal } from './signal.js';
import { handleAskUnmute, handleHold, handleMute, handleMuteAll, handleStopScreen } from './moderation.js';
import { handleSetRole } from './roles.js';
import { handleAdmit, handleDeny, handleEndRoom, handleRoomSettings } from './room-control.js';
import { createRenewTokenHandler, handleSetName } from './identity.js';
import { createSfuAnswerHandler, createSfuPublishHandler, handleSfuLayers, handleSfuView } from './sfu.js';
import { handleRecording } from './recording.js';
import { handleAudioOnly } from './audio-only.js';
import { createServerRecordingHandler } from './server-recording.js';

export function createHandlers(ctx: HubContext): HandlerRegistry {
  return {
    join: createJoinHandler(ctx),
    ping: (conn, { t }) => conn.sendRaw({ type: 'pong', ...(t !== undefined && { t }) }),
    leave: handleLeave,
    signal: handleSignal,
    media: handleMedia,
    screen: handleScreen,
    kick: handleKick,
    chat: handleChat,
    data: handleData,
    history: handleHistory,
    hand: handleHand,
    reaction: handleReaction,
    mute: handleMute,
    'ask-unmute': handleAskUnmute,
    'mute-all': handleMuteAll,
    hold: handleHold,
    'stop-screen': handleStopScreen,
    'set-role': handleSetRole,
    'end-room': handleEndRoom,
    'room-settings': handleRoomSettings,
    admit: handleAdmit,
    deny: handleDeny,
    'set-name': handleSetName,
    'renew-token': createRenewTokenHandler(ctx),
    // Calls (issue 12)
    line: createLineHandler(ctx),
    ...createCallHandlers(ctx),
    invite: createInviteHandler(ctx),
    // SFU rooms: offers and answers relayed to the media server (docs/media-server.md).
    'sfu-publish': createSfuPublishHandler(ctx),
    'sfu-answer': createSfuAnswerHandler(ctx),
    recording: handleRecording,
    // Choices (issue 13)
    'audio-only': handleAudioOnly,
    // Server recording (issue 11): the media server records the room.
    'server-recording': createServerRecordingHandler(ctx),
    'sfu-view': handleSfuView, // sfu2
    'sfu-layers': handleSfuLayers, // sfu2
  };
}

function isConnectionMessage(message: ClientMessage): message is Extract<ClientMessage, { type: ConnectionMessageType }> {
  return message.type === 'join' || message.type === 'ping' || message.type === 'line';
}

const LINE_MESSAGES: ReadonlySet<string> = new Set<LineMessageType>(['call', 'accept', 'decline', 'cancel']);

function isLineMessage(message: ClientMessage): message is Extract<ClientMessage, { type: LineMessageType }> {
  return LINE_MESSAGES.has(message.type);
}

/** Parses one frame and runs its handler; every failure becomes an error frame, nothing escapes. */
export function createDispatch(ctx: HubContext, handlers: HandlerRegistry): Dispatch {
  // The registry is keyed by `type`, so each handler gets the message it is typed for.
  const run = (conn: Connection, message: ClientMessage): void | Promise<void> => {
    if (isConnectionMessage(message)) {
      return (handlers[message.type] as (c: Connection, m: ClientMessage) => void | Promise<void>)(conn, message);
    }
    if (isLineMessage(message)) {
      if (!conn.line) throw new HubError('not-joined', `Open a line (line {token}) before ${message.type}.`);
      return (handlers[message.type] as (l: Line, m: ClientMessage) => void | Promise<void>)(conn.line, message);
    }
    const session = conn.session;
    if (!session) throw new HubError('not-joined', `Send join before ${message.type}.`);
    // A request resent after a reconnect (same rid) was already done: answer it again, do not redo it.
    const done = 'rid' in message && message.rid !== undefined ? session.ackFor(message.rid) : undefined;
    if (done) return session.send(done);
    return (handlers[message.type] as (s: Session, m: ClientMessage) => void)(session, message);
  };

  return async (conn, frame) => {
    let rid: string | undefined;
    try {
      if (frame === null) throw new HubError('bad-message', 'Binary frames are not accepted; send JSON text.');
      if (exceedsUtf8(frame, ctx.config.maxFrameBytes)) {
        throw new HubError('too-large', `Frames are limited to ${ctx.config.maxFrameBytes} bytes.`);
      }
      const parsed = parseClientMessage(frame);
      if (!parsed.ok) {
        rid = ridOf(frame);
        throw new HubError('bad-message', parsed.reason);
      }
      if ('rid' in parsed.message) rid = parsed.message.rid;
      await run(conn, parsed.message);
    } catch (error) {
      if (!conn.isOpen) return;
      if (error instanceof HubError) {
        conn.refuse(error, rid);
      } else {
        ctx.log.error(`handler failed on a frame from ${conn.session?.userId ?? 'a new connection'}`, error);
        conn.refuse(new HubError('server-error', 'The server failed to handle this message.'), rid);
      }
    }
  };
}

/** The request id of a frame that failed validation, so the client can match the error to its request. */
function ridOf(frame: string): string | undefined {
  try {
    const json: unknown = JSON.parse(frame);
    const rid = json && typeof json === 'object' && 'rid' in json ? json.rid : undefined;
    return typeof rid === 'string' && rid.length > 0 && rid.length <= 64 ? rid : undefined;
  } catch {
    return undefined;
  }
}
