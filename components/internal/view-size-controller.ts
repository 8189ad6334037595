import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { RtcClient } from '../../core/rtc-client.js';

/** Whose video a tile shows, or nothing to report (no engine, or our own). */
export interface ViewTarget {
  client: RtcClient;
  userId: string;
  source: 'camera' | 'screen';
}

/**
 * Tells the engine how big the host shows someone's video (`setViewSize`), so the sender sends no
 * more than that: the rendered size, null once hidden (no size) or removed (a page of the grid away).
 * Scrolled out of view still counts as shown: a picture-in-picture window or a quick scroll back
 * must not find the video paused.
 */
export class ViewSizeController implements ReactiveController {
  #size: { width: number; height: number } | null = null;
  #reported: (ViewTarget & { key: string }) | undefined;
  #resize?: ResizeObserver;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly target: () => ViewTarget | undefined,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.#resize ??= new ResizeObserver(([entry]) => {
      const { inlineSize, blockSize } = entry!.contentBoxSize[0]!;
      this.#size = inlineSize > 0 && blockSize > 0 ? { width: inlineSize, height: blockSize } : null;
      this.#report();
    });
    this.#resize.observe(this.host);
  }

  hostUpdated(): void {
    this.#report();
  }

  hostDisconnected(): void {
    this.#resize?.disconnect();
    this.#size = null;
    this.#report();
  }

  #report(): void {
    const target = this.host.isConnected ? this.target() : undefined;
    const size = target ? this.#size : null;
    const key = target ? `${target.userId}/${target.source}/${size ? `${size.width}x${size.height}` : '-'}` : '';
    const previous = this.#reported;
    if (previous?.key === key && previous.client === target?.client) return;
    // Another person or engine now: the one shown before is no longer shown here.
    if (previous && (previous.client !== target?.client || previous.userId !== target?.userId || previous.source !== target?.source)) {
      previous.client.setViewSize(previous.userId, previous.source, null, this.host);
    }
    this.#reported = target ? { ...target, key } : undefined;
    target?.client.setViewSize(target.userId, target.source, size, this.host);
  }
}
