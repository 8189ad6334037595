/**
 * A MediaSource that needs no devices: canvas video (a moving bar and a label, so frames visibly
 * change) and oscillator audio, with fake device lists that can be unplugged and made to fail.
 * For stories and tests only; not part of the main bundle.
 */
import type { MediaSource } from '../rtc-client.js';

export interface SyntheticMediaOptions {
  /** Drawn on every camera frame (a name, say). */
  label?: string;
  width?: number;
  height?: number;
  frameRate?: number;
  /** The cameras' background, any CSS colour; by default each camera has its own (see SYNTHETIC_COLORS). */
  color?: string;
  /** The microphones talk in bursts of a tone (the default); `false` makes them silent. */
  tone?: boolean;
  cameras?: number;
  microphones?: number;
  speakers?: number;
  /** Make captures fail as a browser would, by DOMException name (`NotAllowedError`, `NotFoundError`…). */
  fail?: Partial<Record<'camera' | 'microphone' | 'screen', string>>;
}

type Kind = 'videoinput' | 'audioinput' | 'audiooutput';

interface FakeDevice {
  deviceId: string;
  groupId: string;
  kind: Kind;
  label: string;
}

/** The cameras' backgrounds in turn, unless `color` sets one for all. */
export const SYNTHETIC_COLORS: readonly string[] = ['#2563eb', '#16a34a', '#db2777', '#ea580c', '#7c3aed'];

export class SyntheticMedia implements MediaSource {
  readonly #options: SyntheticMediaOptions;
  readonly #fail: Partial<Record<'camera' | 'microphone' | 'screen', string>>;
  #devices: FakeDevice[] = [];
  readonly #listeners = new Set<() => void>();
  readonly #live = new Map<MediaStreamTrack, string>();
  #audio: AudioContext | null = null;
  #serial = 0;

  constructor(options: SyntheticMediaOptions = {}) {
    this.#options = options;
    this.#fail = { ...options.fail };
    const add = (kind: Kind, count: number, name: string) => {
      for (let i = 0; i < count; i++) this.#addDevice(kind, `${name} ${i + 1}`);
    };
    add('videoinput', options.cameras ?? 2, 'Synthetic camera');
    add('audioinput', options.microphones ?? 1, 'Synthetic microphone');
    add('audiooutput', options.speakers ?? 1, 'Synthetic speaker');
  }

  /** Make the next captures of a kind fail (or succeed again with `undefined`). */
  setFailure(kind: 'camera' | 'microphone' | 'screen', errorName: string | undefined): void {
    this.#fail[kind] = errorName;
  }

  /** Add a device, as plugging one in would; returns its id. */
  plug(kind: Kind, label: string): string {
    const id = this.#addDevice(kind, label);
    this.#changed();
    return id;
  }

  /** Remove a device: its live tracks end (as the browser ends them) and `devicechange` fires. */
  unplug(deviceId: string): void {
    this.#devices = this.#devices.filter((d) => d.deviceId !== deviceId);
    for (const [track, id] of this.#live) {
      if (id !== deviceId) continue;
      this.#live.delete(track);
      track.stop();
      track.dispatchEvent(new Event('ended'));
    }
    this.#changed();
  }

  async enumerateDevices(): Promise<MediaDeviceInfo[]> {
    return this.#devices.map((d) => ({ ...d, toJSON: () => ({ ...d }) }) as MediaDeviceInfo);
  }

  async getUserMedia(constraints: MediaStreamConstraints): Promise<MediaStream> {
    const tracks: MediaStreamTrack[] = [];
    try {
      if (constraints.video) tracks.push(this.#camera(this.#pick('videoinput', constraints.video)));
      if (constraints.audio) tracks.push(this.#microphone(this.#pick('audioinput', constraints.audio)));
    } catch (error) {
      tracks.forEach((t) => t.stop());
      throw error;
    }
    return new MediaStream(tracks);
  }

  /** The screen; asked for sound too, a steady tone comes with it, as a tab playing music would. */
  async getDisplayMedia(options?: DisplayMediaStreamOptions): Promise<MediaStream> {
    if (this.#fail.screen) throw new DOMException('Synthetic screen failure', this.#fail.screen);
    const screen = this.#canvasTrack('Shared screen', '#0f172a', 1280, 720, 'screen');
    return new MediaStream(options?.audio ? [screen, this.#tone(880, 'screen-audio')] : [screen]);
  }

  addEventListener(_type: 'devicechange', listener: () => void): void {
    this.#listeners.add(listener);
  }

  removeEventListener(_type: 'devicechange', listener: () => void): void {
    this.#listeners.delete(listener);
  }

  /** Stop every track this source made and its audio graph. */
  close(): void {
    for (const track of this.#live.keys()) track.stop();
    this.#live.clear();
    void this.#audio?.close().catch(() => undefined);
    this.#audio = null;
  }

  #addDevice(kind: Kind, label: string): string {
    const deviceId = `synthetic-${kind}-${++this.#serial}`;
    this.#devices.push({ deviceId, groupId: `group-${this.#serial}`, kind, label });
    return deviceId;
  }

  #changed(): void {
    for (const listener of [...this.#listeners]) listener();
  }

  /** The device a constraint asks for: exact ids must exist, anything else takes the first one. */
  #pick(kind: Kind, constraint: boolean | MediaTrackConstraints): FakeDevice {
    const failure = this.#fail[kind === 'videoinput' ? 'camera' : 'microphone'];
    if (failure) throw new DOMException('Synthetic capture failure', failure);
    const devices = this.#devices.filter((d) => d.kind === kind);
    const wanted = typeof constraint === 'object' ? constraint.deviceId : undefined;
    const exact = typeof wanted === 'object' && !Array.isArray(wanted) ? wanted.exact : undefined;
    const ideal = typeof wanted === 'string' ? wanted : typeof wanted === 'object' && !Array.isArray(wanted) ? wanted.ideal : undefined;
    if (exact !== undefined) {
      const device = devices.find((d) => d.deviceId === exact);
      if (!device) throw new DOMException('No such device', 'OverconstrainedError');
      return device;
    }
    const device = devices.find((d) => d.deviceId === ideal) ?? devices[0];
    if (!device) throw new DOMException('Requested device not found', 'NotFoundError');
    return device;
  }

  #camera(device: FakeDevice): MediaStreamTrack {
    const { width = 640, height = 360 } = this.#options;
    const index = this.#devices.filter((d) => d.kind === 'videoinput').indexOf(device);
    const label = `${this.#options.label ?? 'Synthetic'} · ${device.label}`;
    const colour = this.#options.color ?? SYNTHETIC_COLORS[index % SYNTHETIC_COLORS.length];
    return this.#canvasTrack(label, colour, width, height, device.deviceId);
  }

  #canvasTrack(label: string, colour: string, width: number, height: number, deviceId: string): MediaStreamTrack {
    const frameRate = this.#options.frameRate ?? 15;
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d')!;
    const track = canvas.captureStream(frameRate).getVideoTracks()[0];
    let frame = 0;
    const draw = () => {
      if (track.readyState === 'ended') return clearInterval(timer);
      frame++;
      context.fillStyle = colour;
      context.fillRect(0, 0, width, height);
      context.fillStyle = 'rgba(255,255,255,0.35)';
      const bar = width / 8;
      context.fillRect(((frame * 6) % (width + bar)) - bar, 0, bar, height);
      context.fillStyle = '#fff';
      context.font = `${Math.round(height / 12)}px sans-serif`;
      context.fillText(label, width / 20, height / 2);
      context.font = `${Math.round(height / 20)}px monospace`;
      context.fillText(`frame ${frame}`, width / 20, height / 2 + height / 10);
    };
    const timer = setInterval(draw, 1000 / frameRate);
    draw();
    return this.#register(track, deviceId);
  }

  #microphone(device: FakeDevice): MediaStreamTrack {
    const audio = (this.#audio ??= new AudioContext());
    void audio.resume().catch(() => undefined);
    // Silent: a live track that carries nothing.
    if (this.#options.tone === false) return this.#register(audio.createMediaStreamDestination().stream.getAudioTracks()[0], device.deviceId);
    const index = this.#devices.filter((d) => d.kind === 'audioinput').indexOf(device);
    const oscillator = audio.createOscillator();
    oscillator.frequency.value = 220 + 110 * index;
    const gain = audio.createGain();
    const destination = audio.createMediaStreamDestination();
    oscillator.connect(gain).connect(destination);
    oscillator.start();
    const track = destination.stream.getAudioTracks()[0];
    // Talk in bursts (0.6 s on, 0.6 s off) so speaking indicators have something to show.
    let on = true;
    const timer = setInterval(() => {
      if (track.readyState === 'ended') {
        clearInterval(timer);
        oscillator.stop();
        return;
      }
      on = !on;
      gain.gain.setValueAtTime(on ? 0.5 : 0, audio.currentTime);
    }, 600);
    return this.#register(track, device.deviceId);
  }

  /** A tone that never pauses, until its track is stopped. */
  #tone(frequency: number, deviceId: string): MediaStreamTrack {
    const audio = (this.#audio ??= new AudioContext());
    void audio.resume().catch(() => undefined);
    const oscillator = audio.createOscillator();
    oscillator.frequency.value = frequency;
    const destination = audio.createMediaStreamDestination();
    oscillator.connect(destination);
    oscillator.start();
    const track = destination.stream.getAudioTracks()[0];
    // stop() fires no `ended` on the track itself: look now and then.
    const timer = setInterval(() => {
      if (track.readyState !== 'ended') return;
      clearInterval(timer);
      oscillator.stop();
    }, 1000);
    return this.#register(track, deviceId);
  }

  /** Report the fake device id in the track's settings, as a real capture would. */
  #register(track: MediaStreamTrack, deviceId: string): MediaStreamTrack {
    const settings = track.getSettings.bind(track);
    track.getSettings = () => ({ ...settings(), deviceId });
    this.#live.set(track, deviceId);
    return track;
  }
}
