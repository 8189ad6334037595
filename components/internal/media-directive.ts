/**
 * `<video ${attachMedia(stream)}>`: puts a MediaStream on a media element, starts it, and takes it
 * off again when the element leaves the DOM (LiveKit's attach/detach). A refused `play()` (the
 * browser's autoplay policy) goes to `onBlocked`, so the room can offer an "enable audio" button.
 */
import { nothing, type ElementPart } from 'lit';
import { AsyncDirective, directive, PartType, type PartInfo } from 'lit/async-directive.js';

export type PlayBlocked = (element: HTMLMediaElement) => void;

class AttachMediaDirective extends AsyncDirective {
  #element?: HTMLMediaElement;
  #stream: MediaStream | null = null;
  #onBlocked?: PlayBlocked;

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('attachMedia() goes on a media element');
  }

  render(_stream: MediaStream | null, _onBlocked?: PlayBlocked): typeof nothing {
    return nothing;
  }

  override update(part: ElementPart, [stream, onBlocked]: Parameters<this['render']>): typeof nothing {
    this.#element = part.element as HTMLMediaElement;
    this.#onBlocked = onBlocked;
    if (stream !== this.#stream || this.#element.srcObject !== stream) {
      this.#stream = stream;
      this.#attach();
    }
    return nothing;
  }

  #attach(): void {
    const element = this.#element;
    if (!element) return;
    element.srcObject = this.#stream;
    if (!this.#stream) return;
    element.play().catch((error: unknown) => {
      // AbortError only means a newer stream replaced this one before it started.
      if (error instanceof DOMException && error.name === 'NotAllowedError' && element.srcObject === this.#stream) {
        this.#onBlocked?.(element);
      }
    });
  }

  protected override disconnected(): void {
    if (this.#element) this.#element.srcObject = null;
  }

  protected override reconnected(): void {
    this.#attach();
  }
}

export const attachMedia = directive(AttachMediaDirective);
