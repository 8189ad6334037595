/**
 * The local user's capture: microphone, camera and screen tracks, one of each at most.
 * Turning the camera off stops its track (the device light goes off); the microphone is muted by
 * disabling its track, so unmuting is instant and needs no new permission.
 */
import { Emitter } from '../emitter.js';
import { DEFAULTS } from '../defaults.js';
import type { MediaSource } from '../rtc-client.js';
import type { TrackSource } from '../types.js';
import { cameraConstraints, microphoneConstraints, type VideoProfile } from './profiles.js';
import { toMediaError, toScreenError } from './media-errors.js';

export interface LocalMediaEvents {
  /** The track of a source was replaced (null: none). */
  track: { source: TrackSource; track: MediaStreamTrack | null };
  /** The browser or the device ended a track on its own (unplugged camera, "Stop sharing"). */
  ended: { source: TrackSource; track: MediaStreamTrack };
}

export interface LocalMediaOptions {
  mediaSource: () => MediaSource;
  profile: VideoProfile;
  videoConstraints?: MediaTrackConstraints;
  audioConstraints?: MediaTrackConstraints;
}

type CaptureKind = 'camera' | 'microphone';

/** The microphone's processing the user may switch (the microphone menu): on by default for a voice call. */
export interface AudioProcessing {
  noiseSuppression: boolean;
  echoCancellation: boolean;
}

export class LocalMedia extends Emitter<LocalMediaEvents> {
  readonly #options: LocalMediaOptions;
  #profile: VideoProfile;
  readonly #tracks: Record<TrackSource, MediaStreamTrack | null> = { microphone: null, camera: null, screen: null };
  /** Devices the user picked; used for every later capture until they disappear. */
  readonly #preferred: Partial<Record<CaptureKind, string>> = {};
  /** One operation at a time per source, so quick toggles can't leave two captures running. */
  readonly #queues: Record<TrackSource, Promise<unknown>> = {
    microphone: Promise.resolve(), camera: Promise.resolve(), screen: Promise.resolve(),
  };
  /** Bumped by stopAll(): a capture still waiting (a permission prompt) is dropped when it comes back. */
  #generation = 0;
  #processing: AudioProcessing;

  constructor(options: LocalMediaOptions) {
    super();
    this.#options = options;
    this.#profile = options.profile;
    const asked = { ...DEFAULTS.audioConstraints, ...options.audioConstraints };
    this.#processing = { noiseSuppression: asked.noiseSuppression !== false, echoCancellation: asked.echoCancellation !== false };
  }

  get audioProcessing(): AudioProcessing {
    return { ...this.#processing };
  }

  /**
   * Switch noise suppression or echo cancellation, for the microphone running now and every later
   * capture. Browsers that cannot change a live track's processing (Chromium accepts the constraint
   * and keeps it as it was) get a fresh capture from the same device, swapped in without renegotiation.
   */
  setAudioProcessing(change: Partial<AudioProcessing>): Promise<void> {
    return this.#serial('microphone', async () => {
      const next = { ...this.#processing, ...change };
      if (next.noiseSuppression === this.#processing.noiseSuppression && next.echoCancellation === this.#processing.echoCancellation) return;
      const previous = this.#processing;
      this.#processing = next;
      const track = this.#tracks.microphone;
      if (track?.readyState !== 'live') return;
      const wanted = this.#processing;
      await track.applyConstraints({ ...track.getConstraints(), ...wanted }).catch(() => undefined);
      const settings = track.getSettings();
      const applied = (Object.keys(wanted) as (keyof AudioProcessing)[]).every((key) => settings[key] === undefined || settings[key] === wanted[key]);
      if (applied) return;
      // Chromium hands a second capture of a device the processing of the first: release it first.
      const deviceId = this.deviceId('microphone');
      track.stop();
      let recaptured: MediaStreamTrack | null;
      try {
        recaptured = await this.#capture('microphone', deviceId);
      } catch (error) {
        this.#processing = previous;
        this.#setTrack('microphone', await this.#capture('microphone', deviceId).catch(() => null));
        throw error;
      }
      if (!recaptured) return;
      recaptured.enabled = track.enabled;
      this.#setTrack('microphone', recaptured);
    });
  }

  get profile(): VideoProfile {
    return this.#profile;
  }

  track(source: TrackSource): MediaStreamTrack | null {
    return this.#tracks[source];
  }

  /** Microphone captured and not muted. */
  get microphoneOn(): boolean {
    const track = this.#tracks.microphone;
    return !!track && track.readyState === 'live' && track.enabled;
  }

  get cameraOn(): boolean {
    return this.#tracks.camera?.readyState === 'live';
  }

  /** The device in use, or the one picked for the next capture. */
  deviceId(kind: CaptureKind): string | undefined {
    const live = this.#tracks[kind];
    return live?.getSettings().deviceId || this.#preferred[kind];
  }

  setCamera(on: boolean): Promise<void> {
    return this.#serial('camera', async () => {
      if (!on) return this.#setTrack('camera', null);
      if (this.cameraOn) return;
      const track = await this.#capture('camera', this.#preferred.camera);
      if (track) this.#setTrack('camera', track);
    });
  }

  setMicrophone(on: boolean): Promise<void> {
    return this.#serial('microphone', async () => {
      const track = this.#tracks.microphone;
      if (track?.readyState === 'live') {
        if (track.enabled !== on) {
          track.enabled = on;
          this.emit('track', { source: 'microphone', track });
        }
        return;
      }
      const captured = on ? await this.#capture('microphone', this.#preferred.microphone) : null;
      if (captured) this.#setTrack('microphone', captured);
    });
  }

  /**
   * Capture from another device and swap tracks. The camera is released first (phones can't open two),
   * and if the new one fails the previous device is taken again. `deviceId` undefined means the default.
   */
  switchDevice(kind: CaptureKind, deviceId: string | undefined): Promise<void> {
    return this.#serial(kind, async () => {
      const previous = this.#preferred[kind];
      if (deviceId) this.#preferred[kind] = deviceId;
      else delete this.#preferred[kind];
      const current = this.#tracks[kind];
      if (!current || current.readyState !== 'live') return;
      const wasEnabled = current.enabled;
      // Phones cannot open two cameras: release the old one first, quietly (the switch is one change).
      if (kind === 'camera') current.stop();
      try {
        const next = await this.#capture(kind, deviceId);
        if (!next) return;
        next.enabled = wasEnabled;
        this.#setTrack(kind, next);
      } catch (error) {
        if (previous) this.#preferred[kind] = previous;
        else delete this.#preferred[kind];
        if (kind === 'camera') this.#setTrack(kind, await this.#capture(kind, previous).catch(() => null));
        throw error;
      }
    });
  }

  /** Forget a device that disappeared, so the next capture takes the default. */
  forgetDevice(kind: CaptureKind): void {
    delete this.#preferred[kind];
  }

  /** Change the camera preset; a running camera adapts without a new capture where the browser allows. */
  async setProfile(profile: VideoProfile): Promise<void> {
    this.#profile = profile;
    const track = this.#tracks.camera;
    if (track?.readyState !== 'live') return;
    await track.applyConstraints(cameraConstraints(profile, this.#options.videoConstraints, this.deviceId('camera')))
      .catch(() => undefined);
    this.emit('track', { source: 'camera', track });
  }

  /** Open the browser's screen picker. Rejects `screen-share-cancelled` when the user closes it. */
  startScreen(): Promise<MediaStreamTrack> {
    return this.#serial('screen', async () => {
      const existing = this.#tracks.screen;
      if (existing?.readyState === 'live') return existing;
      const generation = this.#generation;
      let stream: MediaStream;
      try {
        stream = await this.#options.mediaSource().getDisplayMedia({
          video: { frameRate: { ideal: DEFAULTS.screen.frameRate } },
          audio: false,
        });
      } catch (error) {
        throw toScreenError(error);
      }
      const [track] = stream.getVideoTracks();
      stream.getAudioTracks().forEach((t) => t.stop());
      if (generation !== this.#generation) {
        track?.stop();
        throw toScreenError(new DOMException('Left while the picker was open', 'AbortError'));
      }
      if (!track) throw toScreenError(new DOMException('No video in the shared surface', 'NotFoundError'));
      if ('contentHint' in track) track.contentHint = 'detail';
      this.#setTrack('screen', track);
      return track;
    });
  }

  stopScreen(): Promise<void> {
    return this.#serial('screen', async () => this.#setTrack('screen', null));
  }

  /** Release every device (leave, or a failed join that started the capture). */
  stopAll(): void {
    this.#generation++;
    for (const source of ['microphone', 'camera', 'screen'] as const) this.#setTrack(source, null);
  }

  /** A new track from the device, or null when stopAll() came while the browser was still deciding. */
  async #capture(kind: CaptureKind, deviceId: string | undefined): Promise<MediaStreamTrack | null> {
    const generation = this.#generation;
    const constraints: MediaStreamConstraints = kind === 'camera'
      ? { video: cameraConstraints(this.#profile, this.#options.videoConstraints, deviceId) }
      : { audio: microphoneConstraints({ ...this.#options.audioConstraints, ...this.#processing }, deviceId) };
    let stream: MediaStream;
    try {
      stream = await this.#options.mediaSource().getUserMedia(constraints);
    } catch (error) {
      throw toMediaError(error, kind);
    }
    const tracks = kind === 'camera' ? stream.getVideoTracks() : stream.getAudioTracks();
    stream.getTracks().forEach((t) => (t !== tracks[0] || generation !== this.#generation) && t.stop());
    if (generation !== this.#generation) return null;
    if (!tracks[0]) throw toMediaError(new DOMException('No track', 'NotFoundError'), kind);
    return tracks[0];
  }

  #setTrack(source: TrackSource, track: MediaStreamTrack | null): void {
    const previous = this.#tracks[source];
    if (previous === track) return;
    if (previous) {
      previous.onended = null;
      previous.stop();
    }
    this.#tracks[source] = track;
    if (track) {
      track.onended = () => {
        if (this.#tracks[source] !== track) return;
        this.#tracks[source] = null;
        this.emit('track', { source, track: null });
        this.emit('ended', { source, track });
      };
    }
    this.emit('track', { source, track });
  }

  #serial<T>(source: TrackSource, run: () => Promise<T>): Promise<T> {
    const next = this.#queues[source].then(run, run);
    this.#queues[source] = next.catch(() => undefined);
    return next;
  }
}
