/**
 * The phone's sound and attention: a ringtone and a ring-back tone drawn with Web Audio (no asset to
 * load), or the page's own audio files; `navigator.vibrate` while ringing. When the browser keeps
 * sound off until a gesture, `blocked` turns true and the first click or key anywhere starts the ring.
 */

export type RingKind = 'incoming' | 'outgoing';

/** What the ringer needs of Web Audio (a test may hand a context the browser keeps suspended). */
export type AudioContextLike = Pick<AudioContext, 'state' | 'currentTime' | 'destination' | 'resume' | 'close' | 'createOscillator' | 'createGain'>;

export interface RingerOptions {
  /** Audio files that replace the built-in tones (looped). */
  sounds: () => { incoming?: string; outgoing?: string };
  /** No sound at all (vibration still). */
  silent: () => boolean;
  /** The sound is blocked, or unblocked again. */
  blockedChanged: (blocked: boolean) => void;
  createContext?: () => AudioContextLike | undefined;
}

/** One ring cycle: tone bursts (frequencies, start and length in s) repeated every `period` s. */
interface Pattern {
  period: number;
  bursts: { at: number; length: number; frequencies: number[] }[];
  vibrate?: number[];
}

const PATTERNS: Record<RingKind, Pattern> = {
  // A bright double trill, as a desk phone rings.
  incoming: {
    period: 3,
    bursts: [0, 0.45].map((at) => ({ at, length: 0.35, frequencies: [660, 880] })),
    vibrate: [400, 200, 400],
  },
  // The ring-back heard while the other side rings: 450 Hz, 1 s on, 4 s off.
  outgoing: { period: 5, bursts: [{ at: 0, length: 1, frequencies: [450] }] },
};

/** Seconds scheduled ahead at a time; the next batch is queued before they run out. */
const CYCLES_AHEAD = 4;

export class Ringer {
  #kind: RingKind | null = null;
  #context: AudioContextLike | undefined;
  #audio: HTMLAudioElement | undefined;
  #gain: GainNode | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #vibrating: ReturnType<typeof setInterval> | undefined;
  #blocked = false;
  #next = 0;
  #stopWaiting: (() => void) | undefined;

  constructor(private readonly options: RingerOptions) {}

  get kind(): RingKind | null {
    return this.#kind;
  }

  /** The browser holds the sound until a gesture. */
  get blocked(): boolean {
    return this.#blocked;
  }

  start(kind: RingKind): void {
    if (this.#kind === kind) return;
    this.stop();
    this.#kind = kind;
    if (kind === 'incoming') this.#vibrate(PATTERNS.incoming);
    if (!this.options.silent()) void this.#play(kind);
  }

  stop(): void {
    this.#kind = null;
    clearTimeout(this.#timer);
    clearInterval(this.#vibrating);
    this.#timer = this.#vibrating = undefined;
    this.#stopWaiting?.();
    if (typeof navigator !== 'undefined' && 'vibrate' in navigator && navigator.userActivation?.hasBeenActive !== false) navigator.vibrate(0);
    this.#gain?.disconnect();
    this.#gain = undefined;
    this.#audio?.pause();
    this.#audio = undefined;
    this.#setBlocked(false);
  }

  /** Closes the audio context (the element left the page). */
  dispose(): void {
    this.stop();
    void this.#context?.close().catch(() => {});
    this.#context = undefined;
  }

  async #play(kind: RingKind): Promise<void> {
    const file = this.options.sounds()[kind];
    if (file) return this.#playFile(kind, file);
    const context = (this.#context ??= (this.options.createContext ?? defaultContext)());
    if (!context) return;
    if (context.state !== 'running') await context.resume().catch(() => {});
    if (this.#kind !== kind) return;
    if (context.state !== 'running') return this.#waitForGesture(kind, () => context.resume());
    this.#gain = context.createGain();
    this.#gain.connect(context.destination);
    this.#next = context.currentTime + 0.05;
    this.#schedule(context, PATTERNS[kind]);
  }

  async #playFile(kind: RingKind, file: string): Promise<void> {
    const audio = (this.#audio = new Audio(file));
    audio.loop = true;
    try {
      await audio.play();
    } catch (error) {
      if (this.#kind === kind && (error as Error)?.name === 'NotAllowedError') this.#waitForGesture(kind, () => audio.play());
    }
  }

  /** Queues a few cycles of the pattern, and comes back for more before they end. */
  #schedule(context: AudioContextLike, pattern: Pattern): void {
    const gain = this.#gain;
    if (!gain) return;
    for (let cycle = 0; cycle < CYCLES_AHEAD; cycle++, this.#next += pattern.period) {
      for (const burst of pattern.bursts) {
        const at = this.#next + burst.at;
        const envelope = context.createGain();
        envelope.gain.setValueAtTime(0, at);
        envelope.gain.linearRampToValueAtTime(0.18 / burst.frequencies.length, at + 0.02);
        envelope.gain.setValueAtTime(0.18 / burst.frequencies.length, at + burst.length - 0.03);
        envelope.gain.linearRampToValueAtTime(0, at + burst.length);
        envelope.connect(gain);
        for (const frequency of burst.frequencies) {
          const tone = context.createOscillator();
          tone.frequency.value = frequency;
          tone.connect(envelope);
          tone.start(at);
          tone.stop(at + burst.length);
        }
      }
    }
    const aheadMs = (this.#next - context.currentTime - pattern.period) * 1000;
    this.#timer = setTimeout(() => this.#schedule(context, pattern), Math.max(0, aheadMs));
  }

  /** Sound waits for the user's first click or key anywhere on the page. */
  #waitForGesture(kind: RingKind, unlock: () => Promise<unknown>): void {
    this.#setBlocked(true);
    const onGesture = () => {
      this.#stopWaiting?.();
      void unlock().then(() => {
        if (this.#kind !== kind) return;
        this.#setBlocked(false);
        // The file plays on from `unlock`; the tones start over on the running context.
        if (!this.#audio) void this.#play(kind);
      }, () => {});
    };
    document.addEventListener('pointerdown', onGesture, true);
    document.addEventListener('keydown', onGesture, true);
    this.#stopWaiting = () => {
      document.removeEventListener('pointerdown', onGesture, true);
      document.removeEventListener('keydown', onGesture, true);
      this.#stopWaiting = undefined;
    };
  }

  #vibrate(pattern: Pattern): void {
    if (typeof navigator === 'undefined' || !('vibrate' in navigator) || !pattern.vibrate) return;
    // Browsers refuse (and log) vibration before the user's first gesture; it starts with the next ring after one.
    const buzz = () => (navigator.userActivation?.hasBeenActive ?? true) && navigator.vibrate(pattern.vibrate!);
    buzz();
    this.#vibrating = setInterval(buzz, pattern.period * 1000);
  }

  #setBlocked(blocked: boolean): void {
    if (blocked === this.#blocked) return;
    this.#blocked = blocked;
    this.options.blockedChanged(blocked);
  }
}

function defaultContext(): AudioContextLike | undefined {
  return typeof AudioContext === 'undefined' ? undefined : new AudioContext();
}
