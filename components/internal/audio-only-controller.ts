import type { RtcClient } from '../../core/rtc-client.js';
import { EngineListener } from './engine-listener.js';

/** Updates its host when the local user goes audio only or back (a tile then shows the avatar instead of a paused camera). */
export class AudioOnlyController extends EngineListener {
  protected listen(engine: RtcClient): () => void {
    return engine.on('audio-only', () => this.host.requestUpdate());
  }
}
