/**
 * The call's sound: one `<audio>` per remote person in the room (not in the tiles, so people on
 * another grid page are heard too), the speaker on/off, each person's own volume and local mute
 * (personal-sound.ts), and the chosen speaker device, and what to
 * do when the browser blocks playing before any gesture (`rtc-audio-blocked`, an "enable audio" button).
 */
import { html, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { RtcError } from '../../core/errors.js';
import type { RoomSnapshot } from '../context/room-state-context.js';
import { PersonalSound } from './personal-sound.js';
import { RtcAudioBlockedEvent } from '../events/rtc-audio-blocked.js';
import { attachMedia } from '../internal/media-directive.js';

export interface RoomAudioOptions {
  /** Where the `<audio>` elements are rendered (the room's shadow root). */
  root: () => ParentNode;
  snapshot: () => RoomSnapshot | undefined;
  /** Off with the speaker button: every remote `<audio>` is muted. */
  speakerOn: () => boolean;
  emit: (event: RtcAudioBlockedEvent) => void;
  reportError: (error: RtcError) => void;
}

export class RoomAudio implements ReactiveController {
  #blockedNow = false;
  readonly #blocked = new Set<HTMLMediaElement>();
  /** A speaker that failed: said once, not again on every update. */
  #badSink?: string;
  /** Each person's volume and "Mute for me", for the local user alone. */
  readonly personal = new PersonalSound();

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: RoomAudioOptions,
  ) {
    host.addController(this);
  }

  /** The browser blocks the call's sound until a click ("enable audio"). */
  get blocked(): boolean {
    return this.#blockedNow;
  }

  render() {
    const remotes = (this.options.snapshot()?.participants ?? []).filter((p) => !p.local && p.stream?.getAudioTracks().length);
    return html`<div class="audio" aria-hidden="true">
      ${repeat(remotes, (p) => p.userId, (p) => html`<audio data-user-id=${p.userId} ${attachMedia(p.stream, this.#onBlocked)}></audio>`)}
    </div>`;
  }

  /** The click on "enable audio" is the user gesture the browser waits for. */
  async unlock(): Promise<void> {
    const audios = [...this.options.root().querySelectorAll('audio')];
    const results = await Promise.allSettled(audios.map((audio) => audio.play()));
    results.forEach((result, i) => result.status === 'fulfilled' && this.#blocked.delete(audios[i]!));
    this.#setBlocked([...this.#blocked].some((el) => el.isConnected));
    if (!this.#blockedNow) this.#blocked.clear();
  }

  /** The call ended: nothing is blocked any more, and the next call starts at full sound. */
  reset(): void {
    this.#setBlocked(false);
    this.#blocked.clear();
    this.personal.reset();
  }

  hostUpdated(): void {
    const sink = this.options.snapshot()?.selectedDevices.speaker;
    for (const audio of this.options.root().querySelectorAll('audio')) {
      const sound = this.personal.of(audio.dataset['userId'] ?? '');
      audio.muted = !this.options.speakerOn() || sound.muted;
      audio.volume = sound.volume;
      if (sink && sink !== this.#badSink && 'setSinkId' in audio && audio.sinkId !== sink) {
        audio.setSinkId(sink).catch((cause: unknown) => {
          if (this.#badSink === sink) return;
          this.#badSink = sink;
          this.options.reportError(new RtcError('device-not-found', 'That speaker cannot be used.', { cause }));
        });
      }
    }
  }

  #onBlocked = (element: HTMLMediaElement): void => {
    this.#blocked.add(element);
    if (this.#blockedNow) return;
    this.#setBlocked(true);
    const userIds = [...this.#blocked].map((el) => el.dataset['userId'] ?? '');
    this.options.emit(new RtcAudioBlockedEvent({ userIds }));
  };

  #setBlocked(blocked: boolean): void {
    if (blocked === this.#blockedNow) return;
    this.#blockedNow = blocked;
    this.host.requestUpdate();
  }
}
