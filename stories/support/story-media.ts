/**
 * Synthetic media for one simulated person: the canvas camera in a colour of its own (the
 * synthetic source paints each of its cameras a different colour, so each person captures from a
 * different one) and, unless they are the one talking, a silent microphone, so a story doesn't
 * beep and only its speaker gets the speaking ring.
 */
import { SyntheticMedia } from '../../core/testing/synthetic-media.js';

/** How many colours the synthetic cameras have. */
const CAMERA_COLOURS = 5;

export interface StoryMediaOptions {
  /** Drawn on the camera picture. */
  label: string;
  /** Which camera colour (any integer; they repeat every five). */
  colour: number;
  /** Speak in bursts (a tone, heard once the page may play sound); otherwise the microphone is silent. */
  talking?: boolean;
  width?: number;
  height?: number;
  frameRate?: number;
}

export class StoryMedia extends SyntheticMedia {
  readonly #talking: boolean;
  readonly #colour: number;
  #silence: AudioContext | null = null;
  readonly #silentTracks: MediaStreamTrack[] = [];

  constructor({ label, colour, talking = false, width = 320, height = 180, frameRate = 12 }: StoryMediaOptions) {
    super({ label, width, height, frameRate, cameras: CAMERA_COLOURS });
    this.#talking = talking;
    this.#colour = ((colour % CAMERA_COLOURS) + CAMERA_COLOURS) % CAMERA_COLOURS;
  }

  override async getUserMedia(constraints: MediaStreamConstraints): Promise<MediaStream> {
    const video = constraints.video ? await this.#ownCamera(constraints.video) : false;
    if (this.#talking || !constraints.audio) return super.getUserMedia({ ...constraints, video });
    const stream = video ? await super.getUserMedia({ video }) : new MediaStream();
    const track = (this.#silence ??= new AudioContext()).createMediaStreamDestination().stream.getAudioTracks()[0]!;
    // Report the microphone it stands for, as a real capture would, so the device menu marks it.
    const deviceId = (await this.#devices('audioinput'))[0]?.deviceId ?? '';
    const settings = track.getSettings.bind(track);
    track.getSettings = () => ({ ...settings(), deviceId });
    this.#silentTracks.push(track);
    stream.addTrack(track);
    return stream;
  }

  override close(): void {
    super.close();
    this.#silentTracks.splice(0).forEach((track) => track.stop());
    void this.#silence?.close().catch(() => undefined);
    this.#silence = null;
  }

  /** Unless a camera is asked for by id (switching cameras), the one of this person's colour. */
  async #ownCamera(video: true | MediaTrackConstraints): Promise<MediaTrackConstraints> {
    const constraints = video === true ? {} : video;
    if (constraints.deviceId !== undefined) return constraints;
    return { ...constraints, deviceId: { ideal: (await this.#devices('videoinput'))[this.#colour]!.deviceId } };
  }

  async #devices(kind: MediaDeviceKind): Promise<MediaDeviceInfo[]> {
    return (await this.enumerateDevices()).filter((d) => d.kind === kind);
  }
}
