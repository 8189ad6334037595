import type { RtcClient } from '../../core/rtc-client.js';
import type { NetworkQuality } from '../../core/types.js';
import { EngineListener } from './engine-listener.js';

export interface NetworkHealth {
  quality: NetworkQuality;
  weak: boolean;
  frozen: boolean;
  /** The engine has no lower camera profile left for our weak uplink and suggests audio only. */
  audioOnlySuggested: boolean;
}

/**
 * One user's network quality, weak link and frozen video, from the engine's health events (they
 * change rarely, but per person: a tile follows its own user without the room snapshot).
 */
export class NetworkHealthController extends EngineListener {
  /** The engine suggested audio only for our weak uplink (until it recovers). */
  #suggested = false;

  constructor(
    host: ConstructorParameters<typeof EngineListener>[0],
    private readonly userId: () => string | undefined,
    private readonly onChange: (health: NetworkHealth) => void,
  ) {
    super(host);
  }

  protected listen(engine: RtcClient): () => void {
    const report = () => {
      const id = this.userId();
      if (id === undefined) return;
      const weak = engine.networkWeak(id);
      if (!weak) this.#suggested = false;
      this.onChange({ quality: engine.networkQuality(id), weak, frozen: engine.videoFrozen(id), audioOnlySuggested: this.#suggested && weak });
    };
    const mine = (detail: { userId: string }) => detail.userId === this.userId() && report();
    const offs = [
      engine.on('network-quality', mine),
      engine.on('network-weak', mine),
      engine.on('video-frozen', mine),
      engine.on('video-adapt', ({ audioOnlySuggested }) => {
        if (this.userId() !== engine.self.userId) return;
        this.#suggested = audioOnlySuggested;
        report();
      }),
    ];
    report();
    return () => offs.forEach((off) => off());
  }
}
