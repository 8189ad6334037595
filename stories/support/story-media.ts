/**
 * Synthetic media for one simulated person: the canvas camera in a colour of its own and, unless
 * they are the one talking, a silent microphone, so a story doesn't beep and only its speaker gets
 * the speaking ring.
 */
import { SYNTHETIC_COLORS, SyntheticMedia } from '../../core/testing/synthetic-media.js';

export interface StoryMediaOptions {
  /** Drawn on the camera picture. */
  label: string;
  /** Which camera colour (any integer; the synthetic colours repeat). */
  colour: number;
  /** Speak in bursts (a tone, heard once the page may play sound); otherwise the microphone is silent. */
  talking?: boolean;
  width?: number;
  height?: number;
  frameRate?: number;
}

export class StoryMedia extends SyntheticMedia {
  constructor({ label, colour, talking = false, width = 320, height = 180, frameRate = 12 }: StoryMediaOptions) {
    const count = SYNTHETIC_COLORS.length;
    super({ label, width, height, frameRate, color: SYNTHETIC_COLORS[((colour % count) + count) % count], tone: talking });
  }
}
