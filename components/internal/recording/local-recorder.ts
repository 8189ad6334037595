/**
 * The call as one video file, recorded in the browser: the room's grid drawn on a canvas at the room's
 * size (CallCompositor), everyone's sound mixed (AudioMix), encoded by MediaRecorder. Its own chunk:
 * the room imports it on the first recording.
 */
import { RtcError } from '../../../core/errors.js';
import { AudioMix } from './audio-mix.js';
import { CallCompositor } from './call-compositor.js';
import { withWebmDuration } from './webm-duration.js';

export interface LocalRecorderOptions {
  /** The element whose videos are recorded where they show (the room). */
  view: HTMLElement;
  /** The streams whose sound is mixed in, read again on every frame (people come and go). */
  audio: () => readonly MediaStream[];
  /** Frames a second (default 24). */
  frameRate?: number;
  /** Bits a second of video (default 2.5 Mbps). */
  videoBitsPerSecond?: number;
}

/** WebM first (its duration is written at the end), MP4 where that is all the browser records. */
const MIME_TYPES = ['video/webm;codecs=vp8,opus', 'video/webm;codecs=vp9,opus', 'video/webm', 'video/mp4'];

export function recordingMimeType(): string | undefined {
  if (typeof MediaRecorder === 'undefined') return undefined;
  return MIME_TYPES.find((type) => MediaRecorder.isTypeSupported(type));
}

export class LocalRecorder {
  readonly #compositor: CallCompositor;
  readonly #mix = new AudioMix();
  readonly #recorder: MediaRecorder;
  readonly #chunks: Blob[] = [];
  readonly #stopped: Promise<void>;
  readonly #audio: () => readonly MediaStream[];
  #timer: ReturnType<typeof setInterval> | undefined;
  /** Recorded time so far, without the pauses (the file's duration). */
  #recordedMs = 0;
  #since = 0;

  constructor(options: LocalRecorderOptions) {
    const mimeType = recordingMimeType();
    if (!mimeType || typeof HTMLCanvasElement.prototype.captureStream !== 'function') {
      throw new RtcError('unsupported', 'This browser cannot record the call.');
    }
    this.#audio = options.audio;
    this.#compositor = new CallCompositor(options.view);
    const frameRate = options.frameRate ?? 24;
    const video = this.#compositor.canvas.captureStream(frameRate).getVideoTracks()[0]!;
    this.#mix.follow(this.#audio());
    this.#recorder = new MediaRecorder(new MediaStream([video, this.#mix.track]), {
      mimeType,
      videoBitsPerSecond: options.videoBitsPerSecond ?? 2_500_000,
    });
    this.#recorder.addEventListener('dataavailable', (event) => {
      if (event.data.size) this.#chunks.push(event.data);
    });
    this.#stopped = new Promise((resolve) => this.#recorder.addEventListener('stop', () => resolve(), { once: true }));
    this.#frame();
    // A timer, not animation frames: a hidden tab still records (at the pace the browser allows it).
    this.#timer = setInterval(() => this.#frame(), 1000 / frameRate);
    this.#recorder.start(1000);
    this.#since = performance.now();
  }

  get state(): RecordingState {
    return this.#recorder.state;
  }

  pause(): void {
    if (this.#recorder.state !== 'recording') return;
    this.#recorder.pause();
    this.#recordedMs += performance.now() - this.#since;
  }

  resume(): void {
    if (this.#recorder.state !== 'paused') return;
    this.#recorder.resume();
    this.#since = performance.now();
  }

  /** Ends the recording: a file that plays and seeks (the WebM header gets its duration). */
  async stop(): Promise<Blob> {
    if (this.#recorder.state === 'recording') this.#recordedMs += performance.now() - this.#since;
    if (this.#recorder.state !== 'inactive') this.#recorder.stop();
    await this.#stopped;
    this.#release();
    const type = this.#recorder.mimeType.split(';')[0] || 'video/webm';
    const file = new Blob(this.#chunks, { type });
    return type === 'video/webm' ? withWebmDuration(file, this.#recordedMs) : file;
  }

  #frame(): void {
    this.#compositor.draw();
    this.#mix.follow(this.#audio());
  }

  #release(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
    this.#recorder.stream.getTracks().forEach((track) => track.stop());
    this.#mix.close();
  }
}
