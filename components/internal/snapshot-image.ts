import { snapshotOf, type SnapshotOptions } from '../../core/media/snapshot.js';
import { RtcSnapshotEvent } from '../events/rtc-snapshot.js';

/** One frame of a stream's video (PNG unless `options.type` says otherwise), drawn at the video's own size. */
export function snapshotImage(stream: MediaStream | null | undefined, options?: SnapshotOptions): Promise<Blob> {
  return snapshotOf(stream, options);
}

const EXTENSIONS: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp' };

/** Hands a snapshot the user took to the page (`rtc-snapshot`) and downloads it unless a listener cancels that. */
export function offerSnapshot(host: HTMLElement, image: Blob, userId: string | null): void {
  if (!host.dispatchEvent(new RtcSnapshotEvent({ userId, image }))) return;
  const link = document.createElement('a');
  link.href = URL.createObjectURL(image);
  link.download = `snapshot-${new Date().toISOString().replace(/[:.]/g, '-')}.${EXTENSIONS[image.type] ?? 'png'}`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}
