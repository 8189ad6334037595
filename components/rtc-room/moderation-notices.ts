/**
 * What a host's action means for the person it touched, in words: "The host muted your microphone",
 * "The host asks you to turn on your microphone" (Turn on / Not now), "You can speak now: turn on
 * your camera?", the held mute, a role or title change, the wait in the lobby. One notice at a time
 * (the newest), said in the room's live region; a question stays until answered, the rest go after a while.
 */
import type { ReactiveControllerHost } from 'lit';
import type { RtcClient } from '../../core/rtc-client.js';
import type { MediaKind } from '../../core/types.js';
import { can, moderates, receivesOnly } from '../../protocol/permissions.js';
import type { StringKey } from '../i18n/strings.js';
import { systemClock, type Clock } from '../internal/clock.js';

type Translate = (key: StringKey, params?: Record<string, string | number>) => string;

export type Notice =
  | { kind: 'muted'; media: MediaKind }
  /** A host asks for this source: Turn on opens it, Not now dismisses. */
  | { kind: 'ask'; media: MediaKind }
  /** A viewer became a speaker: nothing opens until they choose (Turn on opens the camera). */
  | { kind: 'promoted' }
  | { kind: 'role'; text: 'notice.toAudience' | 'notice.toHost' | 'notice.fromHost' }
  | { kind: 'screen-stopped' }
  /** The user pressed the microphone or camera while a host holds everyone muted. */
  | { kind: 'held'; media: MediaKind }
  | { kind: 'hold-released' }
  | { kind: 'title'; title: string }
  /** Our join waits in the lobby until a host decides. */
  | { kind: 'waiting' };

/** How long a notice without a question stays on screen. */
const SHOWN_MS = 8000;

export interface NoticeOptions {
  announce: (text: string) => void;
  t: Translate;
  /** Opens the microphone or camera for the user (through the room, so its state follows). */
  turnOn: (media: MediaKind) => Promise<void>;
  reportError: (error: unknown) => void;
  clock?: () => Clock;
}

export function noticeText(notice: Notice, t: Translate): string {
  switch (notice.kind) {
    case 'muted':
      return t(notice.media === 'audio' ? 'notice.mutedAudio' : 'notice.mutedVideo');
    case 'ask':
      return t(notice.media === 'audio' ? 'notice.askAudio' : 'notice.askVideo');
    case 'promoted':
      return t('notice.promoted');
    case 'role':
      return t(notice.text);
    case 'screen-stopped':
      return t('notice.screenStopped');
    case 'held':
      return t(notice.media === 'audio' ? 'notice.heldAudio' : 'notice.heldVideo');
    case 'hold-released':
      return t('notice.holdReleased');
    case 'title':
      return t('notice.title', { title: notice.title });
    case 'waiting':
      return t('notice.waiting');
  }
}

/** A notice that asks the user to choose (Turn on / Not now). */
export function asks(notice: Notice): boolean {
  return notice.kind === 'ask' || notice.kind === 'promoted';
}

export class ModerationNotices {
  /** What shows now. */
  notice: Notice | null = null;
  #offs: (() => void)[] = [];
  #timer: unknown;
  #clock: Clock | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: NoticeOptions,
  ) {
    host.addController({ hostDisconnected: () => this.#clearTimer() });
  }

  /** Follows one engine's moderation events (none: stops). */
  setEngine(engine: RtcClient | undefined): void {
    this.#offs.forEach((off) => off());
    this.#offs = [];
    this.#set(null);
    if (!engine) return;
    this.#offs = [
      engine.on('muted', ({ kind }) => this.show({ kind: 'muted', media: kind })),
      engine.on('unmute-request', ({ kind }) => this.show({ kind: 'ask', media: kind })),
      engine.on('screen-stopped', () => this.show({ kind: 'screen-stopped' })),
      engine.on('role-change', ({ local, role, previous }) => {
        if (!local) return;
        if (receivesOnly(previous) && !receivesOnly(role)) this.show(can(role, 'publish-video') ? { kind: 'promoted' } : { kind: 'role', text: 'notice.toHost' });
        else if (receivesOnly(role)) this.show({ kind: 'role', text: 'notice.toAudience' });
        else if (moderates(role) && !moderates(previous)) this.show({ kind: 'role', text: 'notice.toHost' });
        else if (moderates(previous) && !moderates(role)) this.show({ kind: 'role', text: 'notice.fromHost' });
      }),
      engine.on('room-state', ({ state, previous }) => {
        if (!previous) return;
        const self = engine.self;
        if (state.title && state.title !== previous.title) this.show({ kind: 'title', title: state.title });
        if (previous.held.audio && !state.held.audio && !moderates(self.role)) this.show({ kind: 'hold-released' });
      }),
      engine.on('waiting', () => this.show({ kind: 'waiting' })),
      engine.on('joined', () => this.notice?.kind === 'waiting' && this.#set(null)),
      engine.on('left', () => this.#set(null)),
    ];
  }

  show(notice: Notice): void {
    this.#set(notice);
    this.options.announce(noticeText(notice, this.options.t));
    // A question and the wait in the lobby stay until they end; the rest go by themselves.
    if (!asks(notice) && notice.kind !== 'waiting') {
      this.#clock = this.options.clock?.() ?? systemClock;
      this.#timer = this.#clock.setTimeout(() => this.#set(null), SHOWN_MS);
    }
  }

  /** "Turn on": the asked-for source (a promoted viewer: the camera) opens now, at the user's word. */
  accept(): void {
    const notice = this.notice;
    if (!notice || !asks(notice)) return;
    this.#set(null);
    const media = notice.kind === 'ask' ? notice.media : 'video';
    this.options.turnOn(media).catch((error: unknown) => this.options.reportError(error));
  }

  dismiss(): void {
    if (this.notice?.kind !== 'waiting') this.#set(null);
  }

  /** Whatever shows goes (a join that failed: the wait in the lobby is over). */
  clear(): void {
    this.#set(null);
  }

  #set(notice: Notice | null): void {
    this.#clearTimer();
    if (notice === this.notice) return;
    this.notice = notice;
    this.host.requestUpdate();
  }

  #clearTimer(): void {
    if (this.#timer !== undefined) this.#clock?.clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}
