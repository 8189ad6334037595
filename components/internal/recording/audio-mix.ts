/** Everyone's sound in one track (Web Audio), following who is in the call as the recording runs. */
export class AudioMix {
  readonly #context = new AudioContext();
  readonly #destination = this.#context.createMediaStreamDestination();
  /** By track id: the source node each live track feeds into the mix. */
  readonly #sources = new Map<string, MediaStreamAudioSourceNode>();

  get track(): MediaStreamTrack {
    return this.#destination.stream.getAudioTracks()[0]!;
  }

  /** Mixes in the tracks not heard yet and lets go of those that are gone or ended. */
  follow(streams: readonly MediaStream[]): void {
    if (this.#context.state === 'suspended') void this.#context.resume().catch(() => {});
    const live = new Map<string, MediaStreamTrack>();
    for (const stream of streams) for (const track of stream.getAudioTracks()) if (track.readyState === 'live') live.set(track.id, track);
    for (const [id, source] of this.#sources) {
      if (live.has(id)) continue;
      source.disconnect();
      this.#sources.delete(id);
    }
    for (const [id, track] of live) {
      if (this.#sources.has(id)) continue;
      const source = this.#context.createMediaStreamSource(new MediaStream([track]));
      source.connect(this.#destination);
      this.#sources.set(id, source);
    }
  }

  close(): void {
    for (const source of this.#sources.values()) source.disconnect();
    this.#sources.clear();
    void this.#context.close().catch(() => {});
  }
}
