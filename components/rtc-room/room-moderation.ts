/**
 * The room's side of the host's powers (internal): the notices to the affected person, the `waiting`
 * phase while the lobby holds the join, a refused unmute under a hold explained instead of shown as
 * an error. `<rtc-room>` delegates here with a few lines.
 */
import type { nothing, ReactiveControllerHost, TemplateResult } from 'lit';
import { RtcError } from '../../core/errors.js';
import type { RtcClient } from '../../core/rtc-client.js';
import type { MediaKind } from '../../core/types.js';
import type { StringKey } from '../i18n/strings.js';
import type { Clock } from '../internal/clock.js';
import { ModerationNotices } from './moderation-notices.js';
import { renderNotice } from './notice-view.js';

type Translate = (key: StringKey, params?: Record<string, string | number>) => string;

export interface RoomModerationOptions {
  t: Translate;
  announce: (text: string) => void;
  turnOn: (media: MediaKind) => Promise<void>;
  reportError: (error: unknown) => void;
  /** The join waits in the lobby (the room's phase becomes `waiting`). */
  onWaiting: () => void;
  clock?: () => Clock;
}

export class RoomModeration {
  readonly notices: ModerationNotices;
  #engine: RtcClient | undefined;
  #off: (() => void) | undefined;

  constructor(host: ReactiveControllerHost, private readonly options: RoomModerationOptions) {
    this.notices = new ModerationNotices(host, options);
  }

  setEngine(engine: RtcClient | undefined): void {
    this.#off?.();
    this.#engine = engine;
    this.notices.setEngine(engine);
    this.#off = engine?.on('waiting', () => this.options.onWaiting());
  }

  /**
   * For the user's microphone and camera toggles (the controls, the shortcuts): a `not-allowed` while
   * a host holds everyone muted becomes the notice that says why, and no error; any other failure goes on.
   */
  explainRefusal(kind: MediaKind): (error: unknown) => void {
    return (error) => {
      if (!(RtcError.is(error, 'not-allowed') && this.#engine?.roomState?.held[kind])) throw error;
      this.notices.show({ kind: 'held', media: kind });
    };
  }

  /** The join failed (denied, say): the wait is over. */
  joinFailed(): void {
    this.notices.clear();
  }

  renderNotice(): TemplateResult | typeof nothing {
    return renderNotice(this.notices.notice, this.options.t, () => this.notices.accept(), () => this.notices.dismiss());
  }
}
