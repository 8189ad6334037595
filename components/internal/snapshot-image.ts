import { RtcError } from '../../core/errors.js';
import { RtcSnapshotEvent } from '../events/rtc-snapshot.js';

/** One frame of a stream's video as a PNG Blob, drawn at the video's own size. */
export async function snapshotImage(stream: MediaStream | null | undefined): Promise<Blob> {
  if (!stream?.getVideoTracks().some((track) => track.readyState === 'live' && track.enabled)) {
    throw new RtcError('unsupported', 'There is no video to take a snapshot of.');
  }
  const video = document.createElement('video');
  video.muted = true;
  video.playsInline = true;
  video.srcObject = stream;
  try {
    await video.play();
    if (video.videoWidth === 0) await new Promise((resolve) => video.addEventListener('resize', resolve, { once: true }));
    const canvas = document.createElement('canvas');
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    canvas.getContext('2d')!.drawImage(video, 0, 0);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new RtcError('unsupported', 'The frame could not be encoded.'))), 'image/png'),
    );
  } finally {
    video.srcObject = null;
  }
}

/** Hands a snapshot the user took to the page (`rtc-snapshot`) and downloads it unless a listener cancels that. */
export function offerSnapshot(host: HTMLElement, image: Blob, userId: string | null): void {
  if (!host.dispatchEvent(new RtcSnapshotEvent({ userId, image }))) return;
  const link = document.createElement('a');
  link.href = URL.createObjectURL(image);
  link.download = `snapshot-${new Date().toISOString().replace(/[:.]/g, '-')}.png`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}
