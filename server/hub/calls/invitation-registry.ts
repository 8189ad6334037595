/**
 * The invitation registry (docs/calls.md#server): every open line by user, the calls ringing and
 * in progress, and the missed-call notices waiting for a line. A call rings every line of each
 * callee; the first accept of a callee wins (their other lines stop with `answered-elsewhere`); the
 * server mints the room and a join token for each side. Free of Node APIs; time comes from `clock`.
 */
import type { TokenClaims } from '../../../protocol/token.js';
import type { CallParty, CallState, MissedCall, UserTokenClaims } from '../../../protocol/line.js';
import type { CallAcceptedMessage, CallStateMessage, MissedCallsMessage, RingMessage } from '../../../protocol/server-messages.js';
import { HubError } from '../errors.js';
import { randomId, utf8Length } from '../encoding.js';
import { KeyedRateLimit } from '../keyed-rate-limit.js';
import type { Logger } from '../logger.js';
import type { CallConfig } from './call-config.js';
import { mayCall } from './call-policy.js';

/** What the registry sends to a line or to an inviter's room session. */
export type LineFrame = RingMessage | CallStateMessage | CallAcceptedMessage | MissedCallsMessage;

/** One open line, as the registry sees it (a hub Connection's line, or a test double). */
export interface LineEnd {
  readonly claims: UserTokenClaims;
  send(frame: LineFrame): void;
}

/** Where an invitation from inside a room came from: the room and the inviter's session there. */
export interface Inviter {
  userId: string;
  name: string;
  roomId: string;
  instance: string;
  /** Who sends the invitations (`session <id>`): request ids are theirs. */
  origin: string;
  /** The inviter's session is still in the room (else nothing is sent to it). */
  readonly live: boolean;
  send(frame: CallStateMessage): void;
}

export interface Clock {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface RegistryDeps {
  config: CallConfig;
  clock: Clock;
  log: Logger;
  /** True while the user holds a session in a room (in any room: they are in a call). */
  inRoom(userId: string): boolean;
  /** A fresh room for an answered call. */
  createRoom(): Promise<{ roomId: string; instance: string }>;
  /** A signed join token with these claims. */
  mintJoinToken(claims: Omit<TokenClaims, 'exp' | 'iat'>): Promise<string>;
}

export interface CallRequest {
  rid: string;
  to: string[];
  video?: boolean;
  data?: unknown;
  timeoutMs?: number;
}

type CalleeState = 'ringing' | 'accepting' | 'accepted' | 'declined' | 'busy' | 'missed' | 'cancelled';

interface Call {
  id: string;
  /** The request that placed it and who sent it (`user <id>` for a line, `session <id>`): a resend after a reconnect places nothing new. */
  rid: string;
  origin: string;
  caller: CallParty;
  /** Set for an invitation from inside a room. */
  inviter: Inviter | null;
  video: boolean;
  data: unknown;
  at: number;
  expiresAt: number;
  callees: Map<string, CalleeState>;
  room: { roomId: string; instance: string } | null;
  /** Minting the room: later accepts wait for the same one. */
  roomMade: Promise<{ roomId: string; instance: string }> | null;
  /** What told the caller the call was answered: sent again to a line of theirs that (re)connects while it lasts. */
  callerAccepted: CallAcceptedMessage | null;
  /** Someone joined the call's room (then it ends when the room empties). */
  started: boolean;
  timer: unknown;
}

/** States after which a call rings no more; kept a while for lines that reconnect (FINALS_KEPT_MS, at most FINALS_PER_USER). */
const FINAL_STATES: ReadonlySet<CallState> = new Set<CallState>(['declined', 'busy', 'missed', 'cancelled', 'answered-elsewhere', 'ended']);
const FINALS_KEPT_MS = 5 * 60_000;
const FINALS_PER_USER = 20;

/** Users remembered at most, per kind (their group, policy, missed calls, recent outcomes). */
const REMEMBERED_USERS = 100_000;

export class InvitationRegistry {
  private readonly lines = new Map<string, Set<LineEnd>>();
  private readonly groups = new Map<string, string | undefined>();
  /** The policy claims of each user's last line: what their in-room invitations are held to. */
  private readonly policies = new Map<string, Pick<UserTokenClaims, 'callable' | 'group'>>();
  private readonly calls = new Map<string, Call>();
  private readonly callsByRoom = new Map<string, Set<string>>();
  /** Per user; `shown`: a line of theirs saw it happen (then only lines opened later get the notice). */
  private readonly missed = new Map<string, { record: MissedCall; shown: boolean }[]>();
  /** How each user's recent calls ended: sent again to a line that (re)connects, so one that missed it stops ringing. */
  private readonly finals = new Map<string, { frame: CallStateMessage; at: number }[]>();
  /** Callers whose last line closed: their ringing calls are cancelled unless a line comes back in time. */
  private readonly callerGone = new Map<string, unknown>();
  private readonly rate: KeyedRateLimit;

  constructor(private readonly deps: RegistryDeps) {
    this.rate = new KeyedRateLimit(deps.config.rate);
  }

  // ——— Lines ———

  /** A line connected: it rings for what is ringing for its user now, and gets the missed calls waiting. */
  open(line: LineEnd): void {
    const userId = line.claims.sub;
    let set = this.lines.get(userId);
    if (!set) this.lines.set(userId, (set = new Set()));
    set.add(line);
    this.deps.clock.clearTimeout(this.callerGone.get(userId));
    this.callerGone.delete(userId);
    this.remember(line.claims);
    for (const call of this.calls.values()) {
      if (call.callees.get(userId) === 'ringing') line.send(this.ringFrame(call));
      if (call.caller.userId === userId && call.callerAccepted) line.send(call.callerAccepted);
    }
    const since = this.deps.clock.now() - FINALS_KEPT_MS;
    for (const { frame, at } of this.finals.get(userId) ?? []) if (at > since) line.send(frame);
    this.deliverMissed(userId, line);
  }

  /**
   * A line closed. A caller with no line left gives up the calls still ringing (as `cancel`) unless
   * a line of theirs is back within `callerGraceMs` (a reconnect).
   */
  closed(line: LineEnd): void {
    const userId = line.claims.sub;
    const set = this.lines.get(userId);
    if (!set?.delete(line)) return;
    if (set.size > 0) return;
    this.lines.delete(userId);
    this.callerGone.set(userId, this.deps.clock.setTimeout(() => {
      this.callerGone.delete(userId);
      if (this.lines.has(userId)) return;
      for (const call of [...this.calls.values()]) {
        if (call.caller.userId === userId && !call.inviter && this.ringing(call).length > 0) this.stopRinging(call, 'cancelled', userId);
      }
    }, this.deps.config.callerGraceMs));
  }

  /** Whether the user has a line open (for tests and stats; never told to a caller who may not call them). */
  online(userId: string): boolean {
    return this.lines.has(userId);
  }

  // ——— Calls ———

  /**
   * Places a call from `line`; `placed` runs with its id before any state frame is sent (the caller's ack).
   * Throws `rate-limited`, `not-allowed` (policy, decided before presence), `too-large`, `offline`.
   */
  call(line: LineEnd, request: CallRequest, placed: (callId: string) => void): void {
    const caller = line.claims;
    const origin = `user ${caller.sub}`;
    const again = this.findByRid(origin, request.rid);
    if (again) return placed(again.id);
    const to = [...new Set(request.to)];
    if (to.includes(caller.sub)) throw new HubError('bad-message', 'A call cannot ring its own caller.');
    this.checkAllowed(caller.sub, caller, to);
    this.checkData(request.data);
    const party = { userId: caller.sub, name: caller.name ?? caller.sub };
    if (!to.some((userId) => this.lines.has(userId))) {
      const at = this.deps.clock.now();
      for (const userId of to) {
        this.storeMissed(userId, { callId: randomId(9), direction: 'incoming', from: party, to, video: request.video ?? true, reason: 'missed', at });
      }
      throw new HubError('offline', to.length > 1 ? 'None of them has a line open right now.' : 'They have no line open right now.');
    }
    this.place({ rid: request.rid, origin, caller: party, inviter: null, to, video: request.video ?? true, data: request.data, timeoutMs: request.timeoutMs }, placed);
  }

  /** An invitation from inside a room: rings `userId`; accepting joins the inviter's room. Throws as `call`. */
  invite(inviter: Inviter, request: { rid: string; userId: string; data?: unknown; timeoutMs?: number }, placed: (callId: string) => void): void {
    const again = this.findByRid(inviter.origin, request.rid);
    if (again) return placed(again.id);
    if (request.userId === inviter.userId) throw new HubError('bad-message', 'You are in the room already.');
    this.checkAllowed(inviter.userId, this.policies.get(inviter.userId), [request.userId]);
    this.checkData(request.data);
    if (!this.lines.has(request.userId)) throw new HubError('offline', 'They have no line open right now.');
    const party = { userId: inviter.userId, name: inviter.name };
    this.place({ rid: request.rid, origin: inviter.origin, caller: party, inviter, to: [request.userId], video: true, data: request.data, timeoutMs: request.timeoutMs }, placed);
  }

  /** The callee takes the call on `line`; the room and token follow as `call-accepted`. */
  async accept(line: LineEnd, callId: string): Promise<void> {
    const userId = line.claims.sub;
    const call = this.calls.get(callId);
    const state = call?.callees.get(userId);
    if (!call || state === undefined) throw new HubError('not-allowed', 'No such call for you.');
    if (state !== 'ringing') throw new HubError('not-allowed', `This call is no longer ringing for you (${state}).`);
    call.callees.set(userId, 'accepting');
    this.sendToLines(userId, { type: 'call-state', callId, state: 'answered-elsewhere', by: userId }, line);
    this.clearTimerIfSettled(call);
    let room: { roomId: string; instance: string };
    let tokens: { callee: string; caller: string | null };
    try {
      room = await this.roomOf(call);
      const mint = (party: CallParty) => this.deps.mintJoinToken({ room: room.roomId, sub: party.userId, name: party.name, role: 'participant', instance: room.instance });
      // The caller gets a token with the first accept (an inviter is in the room already).
      const callerNeedsOne = !call.inviter && ![...call.callees.values()].includes('accepted');
      tokens = { callee: await mint({ userId, name: line.claims.name ?? userId }), caller: callerNeedsOne ? await mint(call.caller) : null };
    } catch (error) {
      this.deps.log.error(`making the room of call ${callId} failed`, error);
      this.finish(call);
      throw new HubError('server-error', 'The call room could not be made.');
    }
    if (!this.calls.has(callId)) throw new HubError('not-allowed', 'The call was cancelled.');
    call.callees.set(userId, 'accepted');
    line.send({ type: 'call-accepted', callId, by: userId, ...room, token: tokens.callee });
    if (tokens.caller) {
      call.callerAccepted = { type: 'call-accepted', callId, by: userId, ...room, token: tokens.caller };
      this.sendToLines(call.caller.userId, call.callerAccepted);
    } else this.tellCaller(call, { type: 'call-state', callId, state: 'accepted', by: userId });
    this.armJoinWindow(call);
  }

  /** The callee says no: their lines stop, the caller is told. */
  decline(line: LineEnd, callId: string): void {
    const userId = line.claims.sub;
    const call = this.calls.get(callId);
    if (!call || call.callees.get(userId) === undefined) throw new HubError('not-allowed', 'No such call for you.');
    if (call.callees.get(userId) !== 'ringing') return; // already over for them: nothing to undo
    call.callees.set(userId, 'declined');
    const frame: CallStateMessage = { type: 'call-state', callId, state: 'declined', by: userId };
    this.sendToLines(userId, frame);
    this.tellCaller(call, frame);
    this.settleIfOver(call);
  }

  /** The caller gives up: the ringing stops on every line of every callee. */
  cancel(line: LineEnd, callId: string): void {
    const call = this.calls.get(callId);
    if (!call || call.caller.userId !== line.claims.sub) throw new HubError('not-allowed', 'No such call of yours.');
    this.stopRinging(call, 'cancelled', call.caller.userId);
  }

  // ——— What the hub tells the registry ———

  /** Someone joined a room: the call in it has started. */
  joinedRoom(roomId: string): void {
    for (const call of this.callsIn(roomId)) call.started = true;
  }

  /** Someone's last room session ended: the missed-call notices kept while they were busy reach their lines. */
  leftRooms(userId: string): void {
    this.deliverMissed(userId);
  }

  /** A room emptied or was ended: its calls are `ended` for everyone in them. */
  roomEnded(roomId: string): void {
    for (const call of this.callsIn(roomId)) {
      if (!call.started && !call.inviter) continue; // a fresh room emptied before the call began: the join window decides
      this.finish(call);
    }
  }

  /** Stops every timer (the hub is closing). */
  close(): void {
    for (const call of this.calls.values()) this.deps.clock.clearTimeout(call.timer);
    for (const timer of this.callerGone.values()) this.deps.clock.clearTimeout(timer);
    this.callerGone.clear();
    this.calls.clear();
    this.callsByRoom.clear();
  }

  // ——— Inside ———

  private place(
    spec: { rid: string; origin: string; caller: CallParty; inviter: Inviter | null; to: string[]; video: boolean; data: unknown; timeoutMs?: number },
    placed: (callId: string) => void,
  ): void {
    const now = this.deps.clock.now();
    const timeoutMs = spec.timeoutMs ?? this.deps.config.ringTimeoutMs;
    const call: Call = {
      id: randomId(12), rid: spec.rid, origin: spec.origin, caller: spec.caller, inviter: spec.inviter, video: spec.video, data: spec.data,
      at: now, expiresAt: now + timeoutMs, callees: new Map(),
      room: spec.inviter ? { roomId: spec.inviter.roomId, instance: spec.inviter.instance } : null, roomMade: null,
      started: Boolean(spec.inviter), timer: undefined, callerAccepted: null,
    };
    this.calls.set(call.id, call);
    if (call.room) this.indexRoom(call.room.roomId, call.id);
    const busy: string[] = [];
    for (const userId of spec.to) {
      // A callee with no line open rings too: a line of theirs that connects in time rings with the others.
      const state: CalleeState = this.inCall(userId, call) ? 'busy' : 'ringing';
      call.callees.set(userId, state);
      if (state === 'busy') busy.push(userId);
    }
    call.timer = this.deps.clock.setTimeout(() => this.timedOut(call), timeoutMs);
    placed(call.id);
    const ring = this.ringFrame(call);
    for (const userId of this.ringing(call)) this.sendToLines(userId, ring);
    this.tellCaller(call, { type: 'call-state', callId: call.id, state: 'ringing' });
    for (const userId of busy) {
      this.tellCaller(call, { type: 'call-state', callId: call.id, state: 'busy', by: userId });
      this.storeMissed(userId, this.missedRecord(call, 'incoming', 'busy'));
    }
    this.settleIfOver(call);
  }

  private timedOut(call: Call): void {
    call.timer = undefined;
    const ringing = this.ringing(call);
    for (const userId of ringing) {
      call.callees.set(userId, 'missed');
      const frame: CallStateMessage = { type: 'call-state', callId: call.id, state: 'missed', by: userId };
      this.storeMissed(userId, this.missedRecord(call, 'incoming', 'missed'), this.sendToLines(userId, frame));
      this.tellCaller(call, frame);
    }
    const unanswered = ringing.length > 0 && !call.inviter && ![...call.callees.values()].includes('accepted');
    if (unanswered) this.storeMissed(call.caller.userId, this.missedRecord(call, 'outgoing', 'missed'), this.lines.has(call.caller.userId));
    this.settleIfOver(call);
  }

  /** Every callee still ringing stops with `state` (cancelled, or nobody's), and the caller is told. */
  private stopRinging(call: Call, state: 'cancelled', by: string): void {
    const frame: CallStateMessage = { type: 'call-state', callId: call.id, state, by };
    for (const userId of this.ringing(call)) {
      call.callees.set(userId, state);
      this.sendToLines(userId, frame);
    }
    this.tellCaller(call, frame);
    this.settleIfOver(call);
  }

  /** Nobody rings and nobody accepted: the call is over (its id forgotten). */
  private settleIfOver(call: Call): void {
    this.clearTimerIfSettled(call);
    const states = [...call.callees.values()];
    if (states.some((s) => s === 'ringing' || s === 'accepting' || s === 'accepted')) return;
    this.end(call);
  }

  private clearTimerIfSettled(call: Call): void {
    if (this.ringing(call).length > 0) return;
    this.deps.clock.clearTimeout(call.timer);
    call.timer = undefined;
  }

  /** Over: `ended` to the lines of everyone who took part (callees who accepted, and the caller). */
  private finish(call: Call): void {
    if (this.ringing(call).length > 0) this.stopRinging(call, 'cancelled', call.caller.userId);
    const frame: CallStateMessage = { type: 'call-state', callId: call.id, state: 'ended' };
    for (const [userId, state] of call.callees) if (state === 'accepted') this.sendToLines(userId, frame);
    this.tellCaller(call, frame);
    this.end(call);
  }

  private end(call: Call): void {
    this.deps.clock.clearTimeout(call.timer);
    this.calls.delete(call.id);
    if (call.room) this.callsByRoom.get(call.room.roomId)?.delete(call.id);
    if (call.room && this.callsByRoom.get(call.room.roomId)?.size === 0) this.callsByRoom.delete(call.room.roomId);
  }

  /** An accepted call whose room nobody joins in time is over. */
  private armJoinWindow(call: Call): void {
    if (call.inviter || call.timer !== undefined) return;
    call.timer = this.deps.clock.setTimeout(() => {
      call.timer = undefined;
      if (this.calls.has(call.id) && !call.started) this.finish(call);
    }, this.deps.config.joinWindowMs);
  }

  private roomOf(call: Call): Promise<{ roomId: string; instance: string }> {
    if (call.room) return Promise.resolve(call.room);
    call.roomMade ??= this.deps.createRoom().then((room) => {
      call.room = room;
      if (this.calls.has(call.id)) this.indexRoom(room.roomId, call.id);
      return room;
    });
    return call.roomMade;
  }

  /** In a room, or a party to a call answered but not yet over. */
  private inCall(userId: string, except: Call): boolean {
    if (this.deps.inRoom(userId)) return true;
    for (const call of this.calls.values()) {
      if (call === except) continue;
      const state = call.callees.get(userId);
      if (state === 'accepted' || state === 'accepting') return true;
      if (call.caller.userId === userId && [...call.callees.values()].some((s) => s === 'accepted' || s === 'accepting')) return true;
    }
    return false;
  }

  private checkAllowed(callerId: string, policy: Pick<UserTokenClaims, 'callable' | 'group'> | undefined, to: string[]): void {
    if (!this.rate.take(callerId)) throw new HubError('rate-limited', 'Too many calls; wait a moment.');
    const refused = to.find((userId) => !mayCall(policy, userId, this.groups.get(userId)));
    if (refused !== undefined) throw new HubError('not-allowed', `You may not call ${refused}.`);
  }

  private checkData(data: unknown): void {
    if (data === undefined) return;
    const bytes = utf8Length(JSON.stringify(data) ?? '');
    if (bytes > this.deps.config.maxDataBytes) throw new HubError('too-large', `A call's data is limited to ${this.deps.config.maxDataBytes} bytes.`);
  }

  private remember(claims: UserTokenClaims): void {
    setNewest(this.groups, claims.sub, claims.group);
    if (claims.callable !== undefined || claims.group !== undefined) setNewest(this.policies, claims.sub, { callable: claims.callable, group: claims.group });
    else this.policies.delete(claims.sub);
  }

  private findByRid(origin: string, rid: string): Call | undefined {
    for (const call of this.calls.values()) if (call.origin === origin && call.rid === rid) return call;
    return undefined;
  }

  private ringing(call: Call): string[] {
    return [...call.callees].filter(([, state]) => state === 'ringing').map(([userId]) => userId);
  }

  private callsIn(roomId: string): Call[] {
    return [...(this.callsByRoom.get(roomId) ?? [])].map((id) => this.calls.get(id)).filter((call): call is Call => call !== undefined);
  }

  private indexRoom(roomId: string, callId: string): void {
    let set = this.callsByRoom.get(roomId);
    if (!set) this.callsByRoom.set(roomId, (set = new Set()));
    set.add(callId);
  }

  private ringFrame(call: Call): RingMessage {
    return {
      type: 'ring', callId: call.id, from: call.caller, video: call.video, expiresAt: call.expiresAt,
      ...(call.data !== undefined && { data: call.data }), ...(call.inviter && { roomId: call.inviter.roomId }),
    };
  }

  /** To the caller's lines, and for an invitation to the inviter's session in the room. */
  private tellCaller(call: Call, frame: CallStateMessage): void {
    this.sendToLines(call.caller.userId, frame);
    if (call.inviter?.live) call.inviter.send(frame);
  }

  /** To every line of `userId` but `except`; false when they have none. */
  private sendToLines(userId: string, frame: LineFrame, except?: LineEnd): boolean {
    if (frame.type === 'call-state' && FINAL_STATES.has(frame.state)) this.rememberFinal(userId, frame);
    const set = this.lines.get(userId);
    if (!set) return false;
    for (const line of set) if (line !== except) line.send(frame);
    return true;
  }

  private rememberFinal(userId: string, frame: CallStateMessage): void {
    const since = this.deps.clock.now() - FINALS_KEPT_MS;
    const list = (this.finals.get(userId) ?? []).filter((entry) => entry.at > since);
    list.push({ frame, at: this.deps.clock.now() });
    setNewest(this.finals, userId, list.slice(-FINALS_PER_USER));
  }

  private missedRecord(call: Call, direction: MissedCall['direction'], reason: MissedCall['reason']): MissedCall {
    return { callId: call.id, direction, from: call.caller, to: [...call.callees.keys()], video: call.video, reason, at: call.at };
  }

  private storeMissed(userId: string, record: MissedCall, shown = false): void {
    const list = this.missed.get(userId) ?? [];
    list.push({ record, shown });
    setNewest(this.missed, userId, list.slice(-this.deps.config.missedCallsPerUser));
  }

  /**
   * The notices kept for `userId`, each delivered once: all of them to a line that just opened (`line`),
   * else those no line saw happen to every line of theirs — unless they are still in a call.
   */
  private deliverMissed(userId: string, line?: LineEnd): void {
    const list = this.missed.get(userId);
    const targets = line ? [line] : [...(this.lines.get(userId) ?? [])];
    if (!list || targets.length === 0 || this.deps.inRoom(userId)) return;
    const due = line ? list : list.filter((entry) => !entry.shown);
    const kept = line ? [] : list.filter((entry) => entry.shown);
    if (kept.length > 0) this.missed.set(userId, kept);
    else this.missed.delete(userId);
    const fresh = due.map((entry) => entry.record).filter((record) => record.at + this.deps.config.missedCallTtlMs > this.deps.clock.now());
    if (fresh.length === 0) return;
    for (const target of targets) target.send({ type: 'missed-calls', calls: fresh });
  }
}


/** Sets `key` as the newest entry; past REMEMBERED_USERS the oldest go (what users who never come back leave behind). */
function setNewest<V>(map: Map<string, V>, key: string, value: V): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > REMEMBERED_USERS) map.delete(map.keys().next().value!);
}
