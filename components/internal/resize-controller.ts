import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** The host's content-box size, kept current with a ResizeObserver (re-renders on change). */
export class ResizeController implements ReactiveController {
  width = 0;
  height = 0;
  #observer?: ResizeObserver;

  constructor(private readonly host: ReactiveControllerHost & Element) {
    host.addController(this);
  }

  hostConnected(): void {
    this.#observer ??= new ResizeObserver(([entry]) => {
      const { inlineSize, blockSize } = entry!.contentBoxSize[0]!;
      if (Math.abs(inlineSize - this.width) < 0.5 && Math.abs(blockSize - this.height) < 0.5) return;
      this.width = inlineSize;
      this.height = blockSize;
      this.host.requestUpdate();
    });
    this.#observer.observe(this.host);
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
  }
}
