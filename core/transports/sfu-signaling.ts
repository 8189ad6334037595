/** How SfuTransport reaches the media server: `sfu-publish`, `sfu-answer`, `sfu-view`, `sfu-layers` on our own signaling socket. */
import { RtcError } from '../errors.js';
import type { SignalingClient } from '../signaling/signaling-client.js';
import type { SfuSignaling } from './sfu-transport.js';

/** `signaling()` is the session's current client; `onError` hears a refused publish (e.g. `media-unavailable`). */
export function sfuSignaling(signaling: () => SignalingClient | null, onError: (error: RtcError) => void): SfuSignaling {
  return {
    publish: async (sdp, sources) => {
      const ack = await signaling()?.request({ type: 'sfu-publish', sdp, sources }).catch((error: RtcError) => {
        onError(error); // the others do not get our media: the app should know
        throw error;
      });
      if (!ack?.sdp) throw new RtcError('server-error', 'The server answered sfu-publish without a description.');
      return ack.sdp;
    },
    answer: (sdp) => signaling()?.send({ type: 'sfu-answer', sdp }),
    // sfu2: simulcast by tile size
    view: (userId, size) => signaling()?.send({ type: 'sfu-view', userId, source: 'camera', ...size }),
    layers: (layers) => signaling()?.send({ type: 'sfu-layers', layers }),
  };
}
