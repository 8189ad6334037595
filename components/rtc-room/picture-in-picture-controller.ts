/**
 * Picture-in-picture of who is on the main view (the active speaker, a share, a pin): a small window
 * that stays over other apps while the person works elsewhere. Document Picture-in-Picture where the
 * browser has it (a window of our own: the video and the name), the video element's picture-in-picture
 * otherwise. The window follows the main view until it is closed, by us or by its own close button.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { RtcError } from '../../core/errors.js';
import type { Participant } from '../../core/types.js';
import { pictureInPictureKind } from '../internal/picture-in-picture-support.js';

const WINDOW_STYLE = `
  html, body { margin: 0; height: 100%; background: #111; color: #fff; font: 14px system-ui, sans-serif; overflow: hidden; }
  video { width: 100%; height: 100%; object-fit: contain; display: block; }
  .name { position: fixed; left: 8px; bottom: 8px; padding: 2px 8px; border-radius: 4px; background: rgba(0, 0, 0, 0.55); }
`;

export interface PictureInPictureHost extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

export class PictureInPictureController implements ReactiveController {
  #window: Window | undefined;
  #video: HTMLVideoElement | undefined;
  #name: HTMLElement | undefined;

  constructor(
    private readonly host: PictureInPictureHost,
    /** Who to show now (the main view's participant), and the window's title for them. */
    private readonly main: () => { participant: Participant | undefined; stream: MediaStream | null; title: string },
    private readonly onChange: (active: boolean) => void,
  ) {
    host.addController(this);
  }

  get active(): boolean {
    return !!this.#video;
  }

  /** Opens the window on the main view, or closes it. Needs the click that asked for it (a user gesture). */
  async toggle(): Promise<void> {
    if (this.active) return this.close();
    return this.open();
  }

  async open(): Promise<void> {
    if (this.active) return;
    const kind = pictureInPictureKind();
    if (!kind) throw new RtcError('unsupported', 'This browser has no picture-in-picture.');
    const video = document.createElement('video');
    video.muted = true; // the room plays the sound
    video.autoplay = true;
    video.playsInline = true;
    this.#video = video;
    this.#follow();
    try {
      if (kind === 'document') await this.#openWindow(video);
      else await this.#openVideo(video);
    } catch (cause) {
      this.#release();
      throw RtcError.is(cause) ? cause : new RtcError('unsupported', 'Picture-in-picture could not open.', { cause });
    }
    this.onChange(true);
  }

  async close(): Promise<void> {
    if (!this.active) return;
    if (this.#window) this.#window.close();
    else if (document.pictureInPictureElement === this.#video) await document.exitPictureInPicture().catch(() => {});
    this.#closed();
  }

  hostUpdated(): void {
    if (this.active) this.#follow();
  }

  hostDisconnected(): void {
    void this.close();
  }

  async #openWindow(video: HTMLVideoElement): Promise<void> {
    const pip = await window.documentPictureInPicture!.requestWindow({ width: 360, height: 202 });
    this.#window = pip;
    const style = pip.document.createElement('style');
    style.textContent = WINDOW_STYLE;
    const name = pip.document.createElement('div');
    name.className = 'name';
    this.#name = name;
    pip.document.head.append(style);
    pip.document.body.append(video, name);
    this.#follow();
    pip.addEventListener('pagehide', () => this.#closed(), { once: true });
  }

  async #openVideo(video: HTMLVideoElement): Promise<void> {
    // The element must be on the page and playing before the browser lifts it out.
    video.className = 'pip-source';
    video.setAttribute('aria-hidden', 'true');
    video.style.cssText = 'position:fixed;width:2px;height:2px;opacity:0;pointer-events:none;bottom:0;right:0';
    this.host.renderRoot.append(video);
    if (video.readyState < 1) await new Promise((resolve) => video.addEventListener('loadedmetadata', resolve, { once: true }));
    await video.requestPictureInPicture();
    video.addEventListener('leavepictureinpicture', () => this.#closed(), { once: true });
  }

  /** Shows who is on the main view now (a new speaker, a share that started). */
  #follow(): void {
    const video = this.#video;
    if (!video) return;
    const { participant, stream, title } = this.main();
    if (video.srcObject !== stream) video.srcObject = stream;
    if (this.#window) this.#window.document.title = title;
    if (this.#name) this.#name.textContent = participant?.name ?? '';
  }

  #closed(): void {
    if (!this.active) return;
    this.#release();
    this.onChange(false);
  }

  #release(): void {
    if (this.#video) {
      this.#video.srcObject = null;
      this.#video.remove();
    }
    this.#video = this.#window = this.#name = undefined;
  }
}
