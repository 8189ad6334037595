/**
 * Frames a client may send, as valibot schemas. The server parses every inbound frame with
 * `parseClientMessage`; the engine only imports the inferred types (no runtime cost in the bundle).
 */
import * as v from 'valibot';
import { ID_PATTERN, ROLES } from './ids.js';
import { RING_TIMEOUT_MS } from './line.js';
import { MEDIA_SOURCES } from './model.js';

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

// mesh: per-receiver scaling (issue 11)
const ViewPixels = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(16_384));
const ViewSize = v.object({ source: v.picklist(['camera', 'screen']), width: ViewPixels, height: ViewPixels });

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
    // mesh: per-receiver scaling (issue 11)
    view: v.optional(ViewSize),
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

const Kind = v.picklist(['audio', 'video']);
/** A display name or a room title: trimmed by the server, never empty. */
const Label = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(80));

/** Moderators (`mute-others`): turn someone's microphone or camera off; they are told who did it. */
const Mute = v.object({ type: v.literal('mute'), rid: RequestId, userId: Id, kind: Kind });
/** Moderators: ask someone to turn a source on; they choose (even while a hold is on). */
const AskUnmute = v.object({ type: v.literal('ask-unmute'), rid: RequestId, userId: Id, kind: Kind });
/** Moderators: mute everyone but the hosts; `hold` keeps them from turning it on again until released. */
const MuteAll = v.object({ type: v.literal('mute-all'), rid: RequestId, kind: Kind, hold: v.optional(v.boolean()) });
/** Moderators: put on or release the hold on a source without muting anyone. */
const Hold = v.object({ type: v.literal('hold'), rid: RequestId, kind: Kind, held: v.boolean() });
/** Moderators: stop someone's screen share. */
const StopScreen = v.object({ type: v.literal('stop-screen'), rid: RequestId, userId: Id });
/** `change-roles`: make someone host, participant or viewer (or step down oneself while another host stays). */
const SetRole = v.object({ type: v.literal('set-role'), rid: RequestId, userId: Id, role: v.picklist(ROLES) });
/** `end`: everyone out with reason `ended`; the tokens issued before cannot join again. */
const EndRoom = v.object({ type: v.literal('end-room'), rid: RequestId });
/** `lock`: the room's flags; each field that is present is changed. */
const RoomSettings = v.object({
  type: v.literal('room-settings'),
  rid: RequestId,
  locked: v.optional(v.boolean()),
  lobby: v.optional(v.boolean()),
  title: v.optional(v.nullable(Label)),
});
// Choices (issue 13)
/** `mute-others`: the whole call audio only (every camera off, none may turn on, hosts included), or back to video. */
const AudioOnly = v.object({ type: v.literal('audio-only'), rid: RequestId, on: v.boolean() });
/** `admit`: let someone waiting in the lobby in, or turn them away. */
const Admit = v.object({ type: v.literal('admit'), rid: RequestId, userId: Id });
const Deny = v.object({ type: v.literal('deny'), rid: RequestId, userId: Id });
/** Anyone: the name the others see (the token's name is only the first). */
const SetName = v.object({ type: v.literal('set-name'), rid: RequestId, name: Label });
/** A fresh token for the same user and room: the session now ends at its `exp`. */
const RenewToken = v.object({ type: v.literal('renew-token'), rid: RequestId, token: v.pipe(v.string(), v.maxLength(4096)) });
// ---- local recording (issue 13) ----
/** Anyone: I started (`on`) or stopped recording the call on my device; everyone sees it in `RoomState.recorders`. */
const Recording = v.object({ type: v.literal('recording'), rid: RequestId, on: v.boolean() });

// ——— Calls (issue 12, docs/calls.md): a line's frames, and `invite` from inside a room ———
const CallId = Id;
const RingTimeout = v.pipe(v.number(), v.integer(), v.minValue(RING_TIMEOUT_MS.min), v.maxValue(RING_TIMEOUT_MS.max));
/** Open a line with a user token (no room): the socket then rings for calls to that user. Answered by `line-ready`. */
const Line = v.object({ type: v.literal('line'), token: v.pipe(v.string(), v.maxLength(4096)) });
/** Ring every line of each callee; the `ack` carries the `callId`. `data` reaches the callees as is. */
const Call = v.object({
  type: v.literal('call'),
  rid: RequestId,
  to: v.pipe(v.array(Id), v.minLength(1), v.maxLength(16)),
  video: v.optional(v.boolean()),
  data: v.optional(v.unknown()),
  /** Ring this long before `missed` (ms); default the server's. */
  timeoutMs: v.optional(RingTimeout),
});
/** The callee takes the call on this line (the first accept wins); `call-accepted` follows with the room and a token. */
const Accept = v.object({ type: v.literal('accept'), rid: RequestId, callId: CallId });
const Decline = v.object({ type: v.literal('decline'), rid: RequestId, callId: CallId });
/** The caller gives up: the ringing stops everywhere. */
const Cancel = v.object({ type: v.literal('cancel'), rid: RequestId, callId: CallId });
/** From inside a room: ring `userId`'s lines; accepting joins this room. The `ack` carries the `callId`. */
const Invite = v.object({ type: v.literal('invite'), rid: RequestId, userId: Id, data: v.optional(v.unknown()), timeoutMs: v.optional(RingTimeout) });
// ——— SFU rooms (the media server; docs/protocol.md#sfu-rooms) ———
const Sdp = v.pipe(v.string(), v.minLength(1), v.maxLength(60_000));
/**
 * Our sending connection's offer (the first, or a renegotiation), with the source each m-line carries;
 * acked with the media server's answer in `sdp`. Refused (`not-allowed`) for a role that sends nothing.
 */
const SfuPublish = v.object({
  type: v.literal('sfu-publish'),
  rid: RequestId,
  sdp: Sdp,
  sources: v.pipe(v.record(v.pipe(v.string(), v.maxLength(16)), v.picklist(MEDIA_SOURCES)), v.check((r) => Object.keys(r).length <= 8, 'at most 8 sources')),
});
/** Our receiving connection's answer to the last `sfu-offer`. */
const SfuAnswer = v.object({ type: v.literal('sfu-answer'), sdp: Sdp });
// ——— Server recording (issue 11, docs/server.md#recordings) ———
/** `record`: the media server starts (`on`) or stops recording the room; everyone sees `RoomState.serverRecording`. */
const ServerRecording = v.object({ type: v.literal('server-recording'), rid: RequestId, on: v.boolean() });

// sfu2: simulcast by tile size (issue 11)
/**
 * We show `userId`'s camera at this size in device pixels (0 × 0: not at all): the media server sends
 * our receiving connection the layer that fits, or pauses it. Applies to our own subscription only.
 */
const SfuView = v.object({ type: v.literal('sfu-view'), userId: Id, source: v.literal('camera'), width: ViewPixels, height: ViewPixels });
/** The sizes of the camera layers we send, top first (what a subscriber's view is matched against). */
const SfuLayers = v.object({
  type: v.literal('sfu-layers'),
  layers: v.pipe(v.array(v.object({ width: ViewPixels, height: ViewPixels })), v.maxLength(3)),
});

export const ClientMessageSchema = v.variant('type', [
  SfuPublish, SfuAnswer,
  ServerRecording,
  SfuView, SfuLayers, // sfu2
  Join, Leave, Ping, Signal, Media, Screen, Kick, Chat, Data, History, Hand, Reaction,
  Mute, AskUnmute, MuteAll, Hold, StopScreen, SetRole, EndRoom, RoomSettings, Admit, Deny, SetName, RenewToken, AudioOnly,
  Line, Call, Accept, Decline, Cancel, Invite,
  Recording,
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
