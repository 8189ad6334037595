/** How SfuTransport reaches the media server: `sfu-publish` and `sfu-answer` on our own signaling socket. */
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
  };
}
