/**
 * The lobby's camera preview (the engine keeps it on when joining) and what the browser refuses to
 * this site: the lobby shows refused devices off, with the way to allow them and a Try again.
 */
import type { ReactiveControllerHost } from 'lit';
import { RtcError } from '../../core/errors.js';
import { askAgain, NOTHING_DENIED, permissionState, type CaptureKind, type Denied } from './media-access.js';

export interface LobbyMediaOptions {
  /** A viewer captures nothing: no preview. */
  viewer: () => boolean;
  wantsCamera: () => boolean;
  wantsMicrophone: () => boolean;
  openCamera: () => Promise<void>;
  /** Runs first (the remembered choices); the camera opens once it resolves. */
  beforePreview?: () => Promise<void>;
  reportError: (error: unknown) => void;
}

export class LobbyMedia {
  #denied: Denied = NOTHING_DENIED;
  #started = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: LobbyMediaOptions,
  ) {}

  /** Devices the browser refuses to this site. */
  get denied(): Denied {
    return this.#denied;
  }

  get started(): boolean {
    return this.#started;
  }

  /** The preview moved to another engine: start it again there. */
  forget(): void {
    this.#started = false;
  }

  start(): void {
    this.#started = true;
    if (this.options.viewer()) return;
    const ready = this.options.beforePreview?.();
    const camera = !this.options.wantsCamera() ? Promise.resolve() : ready ? ready.then(() => this.#previewCamera()) : this.#previewCamera();
    void Promise.all([camera, permissionState('microphone')]).then(([, microphone]) => {
      if (microphone === 'denied') this.#setDenied('microphone', true);
      // A camera just refused, and a microphone the browser will not say about: ask, so the lobby shows the truth.
      else if (this.#denied.camera && microphone === 'prompt' && this.options.wantsMicrophone()) return this.#askAgain('microphone');
      return undefined;
    });
  }

  /** The lobby's Try again: asks the browser again for every refused device the person wants. */
  retry = async (): Promise<void> => {
    const kinds = (['camera', 'microphone'] as const).filter((kind) => this.#denied[kind]);
    await Promise.all(kinds.map((kind) => this.#askAgain(kind)));
  };

  /** Opens the camera; a refusal marks it denied (the lobby explains it, no toast). */
  async #previewCamera(): Promise<void> {
    try {
      await this.options.openCamera();
      this.#setDenied('camera', false);
    } catch (error) {
      if (RtcError.is(error, 'permission-denied')) this.#setDenied('camera', true);
      else this.options.reportError(error);
    }
  }

  async #askAgain(kind: CaptureKind): Promise<void> {
    if (kind === 'camera') return this.#previewCamera();
    this.#setDenied('microphone', !(await askAgain('microphone')));
  }

  #setDenied(kind: CaptureKind, denied: boolean): void {
    if (this.#denied[kind] === denied) return;
    this.#denied = { ...this.#denied, [kind]: denied };
    this.host.requestUpdate();
  }
}
