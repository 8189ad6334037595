/** Still images of a video stream, for `client.snapshot()` and the elements' snapshot button. */
import { RtcError } from '../errors.js';

export type SnapshotType = 'image/png' | 'image/jpeg' | 'image/webp';

export interface SnapshotOptions {
  /** The image format: `image/png` (default), `image/jpeg` or `image/webp`. */
  type?: SnapshotType;
  /** 0..1 for JPEG and WebP (the browser's default, about 0.92, when unset); PNG ignores it. */
  quality?: number;
  /** Whose video: the camera (default) or the screen share. */
  source?: 'camera' | 'screen';
}

const TYPES: readonly SnapshotType[] = ['image/png', 'image/jpeg', 'image/webp'];

/** Checks options from a page before any work: a wrong type or quality is a `bad-message` error, never a silent PNG. */
export function snapshotFormat(options: SnapshotOptions = {}): { type: SnapshotType; quality: number | undefined } {
  const { type = 'image/png', quality } = options;
  if (!TYPES.includes(type)) throw new RtcError('bad-message', `A snapshot is image/png, image/jpeg or image/webp, not "${String(type)}".`);
  if (quality !== undefined && !(typeof quality === 'number' && quality >= 0 && quality <= 1)) {
    throw new RtcError('bad-message', 'A snapshot quality is a number from 0 to 1.');
  }
  return { type, quality };
}

/** One frame of a stream's video, drawn at the video's own size, in the format asked for. */
export async function snapshotOf(stream: MediaStream | null | undefined, options: SnapshotOptions = {}): Promise<Blob> {
  const { type, quality } = snapshotFormat(options);
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
    const image = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, type, quality));
    // A browser that cannot encode a format hands back PNG instead: say so rather than mislabel it.
    if (!image || image.type !== type) throw new RtcError('unsupported', `This browser cannot encode ${type}.`);
    return image;
  } finally {
    video.srcObject = null;
  }
}
