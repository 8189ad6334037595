import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { fetchDevToken } from '../../core/dev-token.js';
import { RtcError } from '../../core/errors.js';
import { RtcLine, type CallOptions, type CallStateChange, type IncomingCall } from '../../core/line/rtc-line.js';
import { RtcClient } from '../../core/rtc-client.js';
import { readTokenClaims } from '../../core/signaling/token-claims.js';
import type { MissedCall } from '../../protocol/line.js';
import type { Locale } from '../context/locale-context.js';
import { RtcCallStateEvent } from '../events/rtc-call-state.js';
import { RtcErrorEvent } from '../events/rtc-error.js';
import { RtcIncomingCallEvent } from '../events/rtc-incoming-call.js';
import type { StringKey } from '../i18n/strings.js';
import { systemClock, type Clock } from '../internal/clock.js';
import { defaultServer } from '../internal/default-server.js';
import { guestId } from '../internal/guest-id.js';
import { reassertAttribute } from '../internal/read-only-attribute.js';
import { RtcBase } from '../internal/rtc-base.js';
import { renderIncoming, renderNotice, renderOutgoing, type Party } from './phone-panels.js';
import { PhoneRoom, type PhoneMode } from './phone-room.js';
import { Ringer } from './ringer.js';
import { styles } from './rtc-phone.styles.js';
import { TitleFlash } from './title-flash.js';
import '../i18n/en-later.js';

/** What the phone is doing: `idle` (shows nothing), `ringing` (a call rings in), `calling` (one rings out), `in-call`. */
export type PhoneState = 'idle' | 'ringing' | 'calling' | 'in-call';

/** `call()`'s options: the line's, and the callee's name and avatar for the outgoing panel. */
export interface PhoneCallOptions extends CallOptions {
  /** Shown as "Calling {name}…" (default: the user ids). */
  name?: string;
  /** An image URL for the outgoing panel. */
  avatar?: string;
}

interface Outgoing {
  callId: string | null;
  to: Party;
  video: boolean;
}

/** How long a notice ("Li Lei declined the call") stays before the phone is idle again. */
const NOTICE_MS = 5_000;
const OVER = new Set(['declined', 'busy', 'missed', 'cancelled', 'answered-elsewhere', 'ended']);

/**
 * @summary A phone: the user is reachable outside any room; calls ring in and out, and an answered
 * call opens in an `<rtc-room>` the phone makes (docs/calls.md).
 * @status experimental
 * @since 0.2
 * @dependency rtc-room
 *
 * @event {RtcIncomingCallEvent} rtc-incoming-call - `{ callId, from: { userId, name }, video, data }`, cancelable: a call rings; cancel it to show your own UI (no panel, no ring) and call `accept`/`decline`.
 * @event {RtcCallStateEvent} rtc-call-state - `{ callId, state, by? }`: `ringing`, `accepted`, `declined`, `busy`, `missed`, `cancelled`, `answered-elsewhere` or `ended`; `by` is the user whose action caused it.
 * @event {RtcErrorEvent} rtc-error - `{ code, message, error }`: the line could not open (or closed for good), or a call failed.
 *
 * @csspart panel - The incoming or outgoing call panel (also `incoming` / `outgoing`).
 * @csspart avatar - The other side's avatar (image or initials).
 * @csspart caller - "Li Lei is calling" on the incoming panel.
 * @csspart callee - "Calling Li Lei…" on the outgoing panel.
 * @csspart button - Every button (also `accept`, `accept-audio`, `decline`, `cancel`, `notice-close`).
 * @csspart sound-blocked - The hint shown while the browser holds the ring until a click.
 * @csspart notice - How a call ended, or the calls missed while away ("Missed call from Li Lei").
 *
 * @cssproperty [--phone-background=rgba(17, 20, 26, 0.94)] - Background of the panels.
 * @cssproperty [--phone-color=#fff] - Text colour of the panels.
 * @cssproperty [--phone-accept-color=var(--rtc-color-speaking)] - The accept buttons.
 * @cssproperty [--phone-decline-color=var(--rtc-color-danger)] - The decline and cancel buttons.
 * @cssproperty [--phone-z-index=var(--rtc-z-layer)] - Stacking level of the panels in full-screen mode.
 */
export class RtcPhone extends RtcBase {
  static override styles = styles;

  /** The server's base URL (http, https, ws or wss). Defaults to the origin the kit was loaded from. */
  @property() server = '';

  /** A user token from your backend (a token with `sub` and no room). Without one, a dev-mode server is asked for one. */
  @property() token = '';

  /** The user id asked for with a dev token (this tab's guest id when unset). */
  @property({ attribute: 'user-id' }) userId = '';

  /** The name callees see, asked for with a dev token. */
  @property({ attribute: 'user-name' }) userName = '';

  /** How an answered call opens: `fullscreen` (over the page, default), `flex` (in the phone's box) or `answer` (the room's answer page, restyled by the page; it rings there too). */
  @property({ reflect: true }) mode: PhoneMode = 'fullscreen';

  /** `light` or `dark` sets a whole theme (`auto` follows the system), for the panels and the call's room. */
  @property({ reflect: true }) theme: 'light' | 'dark' | 'auto' | '' = '';

  /** An audio file (looped) to ring with instead of the built-in tone. */
  @property() ringtone = '';

  /** An audio file (looped) heard while a call rings out, instead of the built-in ring-back tone. */
  @property() ringback = '';

  /** No ringtone or ring-back (vibration and the tab title still). */
  @property({ type: Boolean, reflect: true }) silent = false;

  /** The line the phone runs: set it to run your own (opened with `token` if it is not open yet); read it to use it. */
  @property({ attribute: false })
  get line(): RtcLine | undefined {
    return this.#line;
  }
  set line(line: RtcLine | undefined) {
    this.#givenLine = line; // opened in the next update, with the `token` set by then
  }

  /** The clock for the notices and the title flashing (tests pass one they move by hand). */
  @property({ attribute: false }) clock: Clock = systemClock;

  /** `idle`, `ringing`, `calling` or `in-call` (reflected, read-only). */
  @property({ reflect: true, noAccessor: true })
  get state(): PhoneState {
    if (this.#inCall() || this.#accepting) return 'in-call';
    if (this.incoming.length) return 'ringing';
    return this.outgoing ? 'calling' : 'idle';
  }
  set state(_ignored: PhoneState) {} // read-only: follows the calls

  @state() private incoming: IncomingCall[] = [];
  @state() private outgoing: Outgoing | null = null;
  @state() private notice: string | null = null;
  @state() private soundBlocked = false;

  #line: RtcLine | undefined;
  #givenLine: RtcLine | undefined;
  #offs: (() => void)[] = [];
  #previousState: PhoneState = 'idle';
  #noticeTimer: unknown;
  /** The calls this phone rings for or placed, until they are over: the page hears their states. */
  readonly #calls = new Set<string>();
  /** Calls this phone declined itself (no notice for them). */
  readonly #declined = new Set<string>();
  #focusBefore: Element | null = null;
  /** The panel that took the focus (a panel takes it once, when it shows). */
  #focusedPanel: Element | null = null;
  /** A call being accepted, until its room opens. */
  #accepting: string | null = null;

  readonly #t = (key: StringKey, params?: Record<string, string | number>): string => this.i18n.t(key, params);
  readonly #ringer = new Ringer({
    sounds: () => ({ incoming: this.ringtone || undefined, outgoing: this.ringback || undefined }),
    silent: () => this.silent,
    blockedChanged: (blocked) => (this.soundBlocked = blocked),
  });
  readonly #title = new TitleFlash(() => this.clock);
  readonly #room = new PhoneRoom(this, () => ({
    mode: this.mode,
    theme: this.theme,
    engine: () => {
      const options = this.#line?.options ?? {};
      return new RtcClient({ server: options.server, path: options.path, connect: options.connect });
    },
    left: () => this.requestUpdate(),
  }));

  constructor() {
    super();
    this.requestUpdate('state', undefined);
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'state') reassertAttribute(this, name, this.state);
  }

  // ---- public methods ----

  /**
   * Rings `userIds` (every line of each). Resolves `{ callId }` once it rings; rejects `offline`,
   * `not-allowed` or `rate-limited` (the outgoing panel says so).
   */
  async call(userIds: string | string[], options: PhoneCallOptions = {}): Promise<{ callId: string }> {
    const line = this.#openLine();
    if (this.outgoing || this.#room.element) throw new RtcError('not-allowed', 'The phone is in a call already.');
    const ids = typeof userIds === 'string' ? [userIds] : userIds;
    const { name, avatar, ...callOptions } = options;
    const video = callOptions.video ?? true;
    const outgoing: Outgoing = { callId: null, to: { userId: ids[0] ?? '', name: name || ids.join(', '), ...(avatar && { avatar }) }, video };
    this.outgoing = outgoing;
    try {
      await this.#lineReady(line);
      const { callId } = await line.call(ids, { ...callOptions, video });
      this.#calls.add(callId);
      if (this.outgoing !== outgoing) void line.cancel(callId).catch(() => {}); // Cancel was pressed before it rang
      else if (line.callState(callId) !== undefined) {
        this.outgoing = { ...outgoing, callId };
        this.#ringOut(callId);
      } else this.outgoing = null; // over before it was ours to follow
      return { callId };
    } catch (error) {
      if (this.outgoing === outgoing) this.outgoing = null;
      const code = error instanceof RtcError ? error.code : 'network';
      const key = (['offline', 'not-allowed', 'rate-limited'].includes(code) ? `phone.failed.${code}` : 'phone.failed.other') as StringKey;
      this.#showNotice(this.#t(key, { name: outgoing.to.name }));
      throw error;
    }
  }

  /** Answers a call ringing here (`video: false` answers audio only; default: as the call asks). Rejects when it stopped ringing. */
  async accept(callId: string, { video }: { video?: boolean } = {}): Promise<void> {
    const call = this.incoming.find((c) => c.callId === callId);
    if (!call || !this.#line) throw new RtcError('not-allowed', 'No such call ringing on this phone.');
    const withVideo = call.video && (video ?? true);
    this.#accepting = callId;
    this.incoming = this.incoming.filter((c) => c.callId !== callId);
    // Another call ringing meanwhile is declined: the user took this one.
    for (const other of this.incoming) void this.decline(other.callId).catch(() => {});
    try {
      const room = await this.#line.accept(callId, { video: withVideo });
      this.#room.open(callId, room.token, withVideo);
    } catch (error) {
      if (this.#room.callId === callId) this.#room.close();
      throw error;
    } finally {
      this.#accepting = null;
      this.requestUpdate();
    }
  }

  /** Says no to a call ringing here: every line of this user stops, the caller sees `declined`. */
  async decline(callId: string): Promise<void> {
    this.#declined.add(callId);
    this.#dropIncoming(callId);
    await this.#requireLine().decline(callId);
  }

  /** Gives up a call placed here: it stops ringing everywhere. */
  async cancel(callId: string): Promise<void> {
    if (this.outgoing?.callId === callId) this.#endOutgoing();
    await this.#requireLine().cancel(callId);
  }

  /** Hangs up the call in progress. */
  async hangup(): Promise<void> {
    await this.#room.element?.leave();
  }

  // ---- lifecycle ----

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated && !this.#line) this.#reopen();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    queueMicrotask(() => {
      if (this.isConnected) return;
      this.#closeLine();
      this.#ringer.dispose();
    });
  }

  protected override inheritedLocale(): Locale {
    return { lang: this.parentElement?.closest('[lang]')?.getAttribute('lang') ?? '' };
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const lineSettings = changed.has('server') || changed.has('token') || changed.has('userId') || changed.has('userName');
    if (!this.hasUpdated || changed.has('line') || (lineSettings && !this.#givenLine)) this.#reopen();
    const state = this.state;
    if (state !== this.#previousState) {
      this.requestUpdate('state', this.#previousState);
      this.#previousState = state;
    }
    this.#followAttention();
  }

  protected override updated(): void {
    const panel = this.renderRoot.querySelector<HTMLElement>('.panel');
    if (panel && panel !== this.#focusedPanel) {
      // A call panel takes the focus when it shows (Enter accepts, Escape declines); it goes back when the panel goes.
      this.#focusedPanel = panel;
      this.#focusBefore ??= document.activeElement;
      (panel.querySelector<HTMLElement>('.accept') ?? panel.querySelector<HTMLElement>('.cancel') ?? panel).focus();
    } else if (!panel && this.#focusedPanel) {
      const before = this.#focusBefore;
      this.#focusedPanel = this.#focusBefore = null;
      // The call's room takes it from here; after a decline it goes back where it was.
      if (before instanceof HTMLElement && !this.#room.element && before !== document.body) before.focus();
    }
  }

  // ---- the line ----

  #reopen(): void {
    if (!this.isConnected && this.hasUpdated) return;
    this.#closeLine();
    const line = this.#givenLine ?? new RtcLine({ server: this.#server(), renewToken: this.token ? undefined : (refused) => this.#devToken(refused) });
    this.#line = line;
    this.#offs = [
      line.on('incoming-call', (call) => this.#ringIn(call)),
      line.on('call-state', (change) => this.#changed(change)),
      line.on('missed-calls', ({ calls }) => this.#missed(calls)),
      line.on('closed', ({ error }) => {
        if (line === this.#line && !RtcError.is(error, 'not-joined')) this.#reportError(error);
      }),
    ];
    if (line.state === 'idle') {
      this.#opening = (async () => {
        const token = this.token || (await this.#devToken());
        if (line === this.#line && line.state === 'idle') await line.open(token);
      })();
      this.#opening.catch((error: unknown) => {
        if (line === this.#line) this.#reportError(error);
      });
    } else {
      this.#opening = Promise.resolve();
    }
  }

  #opening: Promise<void> = Promise.resolve();

  async #lineReady(line: RtcLine): Promise<void> {
    await this.#opening;
    if (line.state === 'closed') throw new RtcError('network', 'The phone\u2019s line is closed.');
  }

  #closeLine(): void {
    this.#offs.forEach((off) => off());
    this.#offs = [];
    if (this.#line && this.#line !== this.#givenLine) this.#line.close();
    this.#line = undefined;
    this.#stopRinging();
    this.incoming = [];
    this.outgoing = null;
  }

  #openLine(): RtcLine {
    if (!this.#line) this.#reopen();
    return this.#requireLine();
  }

  #requireLine(): RtcLine {
    if (!this.#line) throw new RtcError('not-joined', 'The phone is not on a page.');
    return this.#line;
  }

  #server(): string | undefined {
    return this.server || defaultServer();
  }

  /** A dev-mode server's user token: for `user-id` (or this tab's guest id) and `user-name`, or as the refused one was. */
  #devToken(refused?: string): Promise<string> {
    const server = this.#server() ?? '';
    if (refused) {
      const { sub, name } = readTokenClaims(refused);
      return fetchDevToken(server, { user: sub, name });
    }
    return fetchDevToken(server, { user: this.userId || guestId(), ...(this.userName && { name: this.userName }) });
  }

  // ---- calls ----

  #ringIn(call: IncomingCall): void {
    const { callId, from, video, data } = call;
    this.#calls.add(callId);
    if (!this.emit(new RtcIncomingCallEvent({ callId, from, video, ...(data !== undefined && { data }) }))) return;
    this.incoming = [...this.incoming, call];
    this.#dismissNotice();
    if (this.mode === 'answer' && !this.#inCall()) this.#ringAnswerPage();
  }

  /** Answer mode: the room's answer page rings for the first call ringing in. */
  #ringAnswerPage(): void {
    const call = this.incoming[0];
    if (!call) return;
    this.#room.ring(call.callId, {
      direction: 'incoming',
      peer: call.from.name,
      video: call.video,
      accept: (video) => void this.accept(call.callId, { video }).catch((error: unknown) => this.#reportError(error)),
      decline: () => void this.decline(call.callId).catch(() => {}),
    });
  }

  #ringOut(callId: string): void {
    if (this.mode !== 'answer' || !this.outgoing) return;
    this.#room.ring(callId, {
      direction: 'outgoing',
      peer: this.outgoing.to.name,
      video: this.outgoing.video,
      accept: () => {},
      decline: () => void this.cancel(callId).catch(() => {}),
    });
  }

  /** The call's room is joining or in the call (not the answer page ringing). */
  #inCall(): boolean {
    return !!this.#room.element && !this.#room.element.phoneCall;
  }

  #changed(change: CallStateChange): void {
    const { callId, state, by } = change;
    if (!this.#calls.has(callId)) return;
    // The call is over for this phone once the line forgets it (a caller hears each callee first).
    const over = OVER.has(state) && this.#line?.callState(callId) === undefined;
    if (over) this.#calls.delete(callId);
    this.emit(new RtcCallStateEvent({ callId, state, ...(by !== undefined && { by }) }));
    if (this.outgoing?.callId === callId) this.#outgoingChanged(change);
    else if (this.incoming.some((c) => c.callId === callId)) this.#incomingChanged(change);
    else if (state === 'ended' && this.#room.callId === callId) this.#room.close();
    if (over) this.#declined.delete(callId);
  }

  #outgoingChanged({ callId, state, roomId, token }: CallStateChange): void {
    const outgoing = this.outgoing!;
    if (state === 'accepted' && roomId && token) {
      this.#endOutgoing();
      this.#room.open(callId, token, outgoing.video);
      this.requestUpdate();
      return;
    }
    // With several callees, the call is over once none of them rings.
    if (!OVER.has(state) || this.#line?.callState(callId) !== undefined) return;
    this.#endOutgoing();
    if (state === 'busy' || state === 'declined' || state === 'missed') this.#showNotice(this.#t(`phone.state.${state}`, { name: outgoing.to.name }));
  }

  #incomingChanged({ callId, state }: CallStateChange): void {
    if (!OVER.has(state)) return;
    const call = this.incoming.find((c) => c.callId === callId)!;
    this.#dropIncoming(callId);
    if (this.#declined.has(callId) || state === 'declined') return;
    if (state === 'answered-elsewhere') this.#showNotice(this.#t('phone.state.answered-elsewhere'));
    else this.#showNotice(this.#t('phone.state.missedIncoming', { name: call.from.name }));
  }

  #dropIncoming(callId: string): void {
    if (!this.incoming.some((c) => c.callId === callId)) return;
    this.incoming = this.incoming.filter((c) => c.callId !== callId);
    if (this.mode !== 'answer' || this.#room.callId !== callId || this.#inCall()) return;
    this.#room.close();
    this.#ringAnswerPage();
  }

  #endOutgoing(): void {
    const callId = this.outgoing?.callId;
    this.outgoing = null;
    if (this.mode === 'answer' && callId && this.#room.callId === callId && this.#room.element?.phoneCall) this.#room.close();
  }

  #missed(calls: MissedCall[]): void {
    const incoming = calls.filter((c) => c.direction === 'incoming');
    if (incoming.length === 1) this.#showNotice(this.#t('phone.state.missedIncoming', { name: incoming[0]!.from.name }));
    else if (incoming.length > 1) this.#showNotice(this.#t('phone.missedCount', { count: incoming.length }));
  }

  // ---- sound, title, notices ----

  /** The ring, the vibration and the title follow what the phone shows. */
  #followAttention(): void {
    const ringing = this.incoming[0];
    if (ringing && !this.#inCall()) {
      this.#ringer.start('incoming');
      this.#title.start(this.#t('phone.title', { name: ringing.from.name }));
    } else if (this.outgoing?.callId) {
      this.#title.stop();
      this.#ringer.start('outgoing');
    } else {
      this.#stopRinging();
    }
  }

  #stopRinging(): void {
    this.#ringer.stop();
    this.#title.stop();
  }

  #showNotice(text: string): void {
    this.#dismissNotice();
    this.notice = text;
    this.#noticeTimer = this.clock.setTimeout(() => (this.notice = null), NOTICE_MS);
  }

  #dismissNotice = (): void => {
    this.clock.clearTimeout(this.#noticeTimer);
    this.notice = null;
  };

  #reportError(error: unknown): void {
    const rtcError = error instanceof RtcError ? error : new RtcError('network', undefined, { cause: error });
    this.emit(new RtcErrorEvent({ code: rtcError.code, message: rtcError.message, error: rtcError }));
  }

  // ---- rendering ----

  protected override render() {
    const t = this.#t;
    const call = this.incoming[0];
    const answerPage = this.mode === 'answer';
    return html`
      ${call && !answerPage
        ? renderIncoming({
            from: { ...call.from, ...avatarOf(call.data) },
            video: call.video,
            soundBlocked: this.soundBlocked,
            t,
            accept: (video) => void this.accept(call.callId, { video }).catch((error: unknown) => this.#reportError(error)),
            decline: () => void this.decline(call.callId).catch(() => {}),
          })
        : nothing}
      ${!call && this.outgoing && !answerPage
        ? renderOutgoing({
            to: this.outgoing.to,
            video: this.outgoing.video,
            t,
            cancel: () => {
              const callId = this.outgoing?.callId;
              if (callId) void this.cancel(callId).catch(() => {});
              else this.outgoing = null;
            },
          })
        : nothing}
      ${this.notice && !call && !this.outgoing ? renderNotice(this.notice, t, this.#dismissNotice) : nothing}
      <slot></slot>
    `;
  }
}

/** A caller may attach `{ avatar: url }` to the call's data. */
function avatarOf(data: unknown): { avatar?: string } {
  const avatar = (data as { avatar?: unknown } | null | undefined)?.avatar;
  return typeof avatar === 'string' && /^(https?:|data:image\/)/.test(avatar) ? { avatar } : {};
}

declare global {
  interface HTMLElementTagNameMap {
    'rtc-phone': RtcPhone;
  }
}
