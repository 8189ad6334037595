/**
 * Frames a client may send, as valibot schemas. The server parses every inbound frame with
 * `parseClientMessage`; the engine only imports the inferred types (no runtime cost in the bundle).
 */
import * as v from 'valibot';
import { ID_PATTERN } from './ids.js';

const Id = v.pipe(v.string(), v.regex(ID_PATTERN));
/** Request id: echoed in the `ack` or `error` reply; also de-duplicates chat resent after a reconnect. */
const RequestId = v.pipe(v.string(), v.minLength(1), v.maxLength(64));
const Recipients = v.pipe(v.array(Id), v.maxLength(64));

const MediaStateSchema = v.object({ audio: v.boolean(), video: v.boolean() });

const Join = v.object({
  type: v.literal('join'),
  /** The room the client means to join; a token for another room is refused (`room-mismatch`). Required for a fresh join. */
  room: v.optional(Id),
  /** Required for a fresh join; ignored when `resume` matches a live session. */
  token: v.optional(v.pipe(v.string(), v.maxLength(4096))),
  password: v.optional(v.pipe(v.string(), v.maxLength(256))),
  /** Take back a session whose socket dropped less than the grace period ago. */
  resume: v.optional(
    v.object({
      sessionId: v.pipe(v.string(), v.maxLength(64)),
      secret: v.pipe(v.string(), v.maxLength(128)),
      /** Highest `seq` received; the server replays what came after. */
      lastSeq: v.pipe(v.number(), v.integer(), v.minValue(0)),
    }),
  ),
  /** Initial mute state (camera and microphone on or off at join). */
  media: v.optional(MediaStateSchema),
});

const Leave = v.object({ type: v.literal('leave') });
const Ping = v.object({ type: v.literal('ping'), t: v.optional(v.number()) });

const Candidate = v.object({
  candidate: v.pipe(v.string(), v.maxLength(1024)),
  sdpMid: v.optional(v.nullable(v.pipe(v.string(), v.maxLength(64)))),
  sdpMLineIndex: v.optional(v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0)))),
  usernameFragment: v.optional(v.nullable(v.pipe(v.string(), v.maxLength(256)))),
});

const Signal = v.object({
  type: v.literal('signal'),
  to: Id,
  payload: v.object({
    description: v.optional(
      v.object({
        type: v.picklist(['offer', 'answer', 'pranswer', 'rollback']),
        sdp: v.optional(v.pipe(v.string(), v.maxLength(60_000))),
      }),
    ),
    candidate: v.optional(v.nullable(Candidate)),
  }),
});

/** Mute state changed (microphone or camera). */
const Media = v.object({ type: v.literal('media'), media: MediaStateSchema });

/** Start or stop sharing the screen; the server allows one sharer per room. */
const Screen = v.object({ type: v.literal('screen'), rid: RequestId, on: v.boolean() });

/** Host only: remove someone from the room. */
const Kick = v.object({ type: v.literal('kick'), rid: v.optional(RequestId), userId: Id });

/** A chat message; `to` empty or absent means the whole room (everyone else). */
const Chat = v.object({
  type: v.literal('chat'),
  rid: RequestId,
  text: v.pipe(v.string(), v.minLength(1)),
  to: v.optional(Recipients),
});

/** An application's own JSON payload, never shown in chat. */
const Data = v.object({
  type: v.literal('data'),
  rid: v.optional(RequestId),
  payload: v.unknown(),
  to: v.optional(Recipients),
});

/** Older chat: up to `limit` messages before the one with id `before` (default: before the newest), newest kept first. */
const History = v.object({
  type: v.literal('history'),
  rid: RequestId,
  before: v.optional(v.pipe(v.string(), v.maxLength(64))),
  limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(200))),
});

/** Raise or lower one's own hand; a host may lower someone else's with `userId`. */
const Hand = v.object({ type: v.literal('hand'), raised: v.boolean(), userId: v.optional(Id) });

/** A short emoji reaction shown on the sender's tile. */
const Reaction = v.object({
  type: v.literal('reaction'),
  emoji: v.pipe(v.string(), v.minLength(1), v.maxLength(16)),
});

export const ClientMessageSchema = v.variant('type', [
  Join, Leave, Ping, Signal, Media, Screen, Kick, Chat, Data, History, Hand, Reaction,
]);

export type ClientMessage = v.InferOutput<typeof ClientMessageSchema>;
export type ClientMessageOf<T extends ClientMessage['type']> = Extract<ClientMessage, { type: T }>;

export type ParseResult =
  | { ok: true; message: ClientMessage }
  | { ok: false; reason: string };

/** Parse one text frame. Never throws: malformed JSON and schema failures come back as a reason. */
export function parseClientMessage(text: string): ParseResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'not JSON' };
  }
  const result = v.safeParse(ClientMessageSchema, json);
  if (result.success) return { ok: true, message: result.output };
  const issue = result.issues[0];
  const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
  return { ok: false, reason: path ? `${path}: ${issue.message}` : issue.message };
}
