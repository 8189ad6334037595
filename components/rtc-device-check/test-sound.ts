/** The speaker test's sound: a short two-note chime from Web Audio, played on the chosen output. */

/** Notes of the chime: frequency (Hz) and start (s). */
const NOTES = [
  [660, 0],
  [880, 0.35],
] as const;
const NOTE_SECONDS = 0.5;

/**
 * Plays the chime through an `<audio>` element on `sinkId` (where the browser can choose the output;
 * elsewhere on the default one) and resolves when it has played.
 */
export async function playTestSound(sinkId?: string): Promise<void> {
  const context = new AudioContext();
  const destination = context.createMediaStreamDestination();
  const audio = new Audio();
  try {
    const start = context.currentTime + 0.05;
    const ended = NOTES.map(([frequency, at]) => {
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      oscillator.frequency.value = frequency;
      // A soft attack and a fading tail: a chime, not a click.
      gain.gain.setValueAtTime(0.0001, start + at);
      gain.gain.exponentialRampToValueAtTime(0.3, start + at + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + at + NOTE_SECONDS);
      oscillator.connect(gain).connect(destination);
      oscillator.start(start + at);
      oscillator.stop(start + at + NOTE_SECONDS);
      return new Promise<void>((resolve) => (oscillator.onended = () => resolve()));
    });
    audio.srcObject = destination.stream;
    if (sinkId && typeof audio.setSinkId === 'function') await audio.setSinkId(sinkId);
    await Promise.all([audio.play(), context.resume()]);
    await Promise.all(ended);
  } finally {
    audio.pause();
    audio.srcObject = null;
    void context.close().catch(() => undefined);
  }
}
