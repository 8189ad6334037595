/** Level of a local audio track (0..1, RMS, the same scale as RTP audio levels), read on demand. */
export class LevelMeter {
  #context: AudioContext | null = null;
  #analyser: AnalyserNode | null = null;
  #source: MediaStreamAudioSourceNode | null = null;
  #track: MediaStreamTrack | null = null;
  #buffer: Float32Array<ArrayBuffer> | null = null;

  /** Measure this track from now on (null: nothing to measure). */
  setTrack(track: MediaStreamTrack | null): void {
    if (track === this.#track) return;
    this.#source?.disconnect();
    this.#source = null;
    this.#track = track;
    if (!track || typeof AudioContext === 'undefined') return;
    this.#context ??= new AudioContext();
    if (!this.#analyser) {
      this.#analyser = this.#context.createAnalyser();
      this.#analyser.fftSize = 512;
      this.#buffer = new Float32Array(this.#analyser.fftSize);
    }
    this.#source = this.#context.createMediaStreamSource(new MediaStream([track]));
    this.#source.connect(this.#analyser);
  }

  level(): number {
    const track = this.#track;
    if (!track || !track.enabled || track.readyState !== 'live' || !this.#analyser || !this.#buffer) return 0;
    // A context created without a user gesture starts suspended; a later gesture lets this succeed.
    if (this.#context?.state === 'suspended') void this.#context.resume().catch(() => undefined);
    this.#analyser.getFloatTimeDomainData(this.#buffer);
    let sum = 0;
    for (const sample of this.#buffer) sum += sample * sample;
    return Math.min(1, Math.sqrt(sum / this.#buffer.length));
  }

  close(): void {
    this.setTrack(null);
    void this.#context?.close().catch(() => undefined);
    this.#context = null;
    this.#analyser = null;
  }
}
