/**
 * The room's errors: each reported once as `rtc-error` (an engine error the room already reported
 * is not fired again) and shown as a notice; in the call the notice goes after 8 seconds, in the
 * lobby it stays until the next try (it says what to fix before joining).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { RtcError } from '../../core/errors.js';
import { RtcErrorEvent } from '../events/rtc-error.js';
import { tellDeveloper } from './error-words.js';

const NOTICE_MS = 8000;

export class RoomErrors implements ReactiveController {
  #shown: RtcError | undefined;
  #newNotice = false;
  #timer?: ReturnType<typeof setTimeout>;
  readonly #reported = new WeakSet<object>();

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly emit: (event: RtcErrorEvent) => void,
    private readonly inCall: () => boolean,
  ) {
    host.addController(this);
  }

  /** The notice on screen. */
  get shown(): RtcError | undefined {
    return this.#shown;
  }

  dismiss = (): void => this.#show(undefined);

  /** Fires `rtc-error` (once per error) and, unless `show` is false, shows the notice. */
  report(error: unknown, { show = true } = {}): void {
    const rtcError = RtcError.is(error) ? error : new RtcError('unsupported', String(error), { cause: error });
    if (!this.firstReport(rtcError, show)) return;
    this.emit(new RtcErrorEvent({ code: rtcError.code, message: rtcError.message, error: rtcError }));
  }

  /** For an error about to be fired (the engine's own `rtc-error`): false when already reported; else shows it. */
  firstReport(error: RtcError, show = true): boolean {
    if (this.#reported.has(error)) return false;
    this.#reported.add(error);
    if (show) {
      tellDeveloper(error);
      // Cancelled screen pickers are the user's own choice, not worth a notice.
      if (error.code !== 'screen-share-cancelled') this.#show(error);
    }
    return true;
  }

  hostUpdated(): void {
    if (this.#newNotice && this.#shown && this.inCall()) {
      clearTimeout(this.#timer);
      this.#timer = setTimeout(this.dismiss, NOTICE_MS);
    }
    this.#newNotice = false;
  }

  #show(error: RtcError | undefined): void {
    if (error === this.#shown) return;
    this.#shown = error;
    this.#newNotice = true;
    this.host.requestUpdate();
  }
}
