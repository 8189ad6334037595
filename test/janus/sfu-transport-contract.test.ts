/**
 * The transport contract (core/testing/transport-contract.ts) for SfuTransport, through our real server
 * and a real Janus (scripts/test-janus.sh): each end is a bare transport with a signaling session of its
 * own, joined to one room, its `sfu-offer` frames handed to the transport as RtcClient does.
 */
import { executeServerCommand } from '@web/test-runner-commands';
import { roomName, stopServer, type TestServer } from '../../core/testing/call-fixture.js';
import { transportContract, type TransportHarness } from '../../core/testing/transport-contract.js';
import { fetchDevToken } from '../../core/dev-token.js';
import { DEFAULTS } from '../../core/defaults.js';
import { cameraLayers, resolveVideoProfile } from '../../core/media/profiles.js';
import { DefaultReconnectPolicy } from '../../core/signaling/reconnect-policy.js';
import { SignalingClient } from '../../core/signaling/signaling-client.js';
import { signalingUrl } from '../../core/signaling/signaling-url.js';
import { SfuTransport } from '../../core/transports/sfu-transport.js';
import { sfuSignaling } from '../../core/transports/sfu-signaling.js';
import type { WebSocketLike } from '../../core/rtc-client.js';

/** The contract's cameras capture 640 × 360, the 360p profile's size. */
const layers = cameraLayers(resolveVideoProfile('360p_15'), { width: 640, height: 360 });

function sfuHarness(server: () => TestServer): TransportHarness {
  const room = roomName('contract');
  const sessions: SignalingClient[] = [];
  let offers = 0;
  return {
    async join(userId, { receiveOnly }) {
      const { url } = server();
      const token = await fetchDevToken(url, { room, user: userId, name: userId, role: receiveOnly ? 'viewer' : userId === 'alice' ? 'host' : 'participant' });
      const signaling = new SignalingClient({
        url: signalingUrl(url, undefined),
        connect: (address) => {
          const socket = new WebSocket(address);
          const send = socket.send.bind(socket);
          // Every description offered anew, ours to Janus or Janus's to us, counts as an offer.
          socket.send = (data: string) => {
            if (data.includes('"type":"sfu-publish"')) offers++;
            send(data);
          };
          return socket as unknown as WebSocketLike;
        },
        policy: new DefaultReconnectPolicy(),
        pingIntervalMs: DEFAULTS.pingIntervalMs,
        livenessFactor: DEFAULTS.livenessFactor,
        connectTimeoutMs: DEFAULTS.connectTimeoutMs,
        joinTimeoutMs: DEFAULTS.joinTimeoutMs,
        requestTimeoutMs: DEFAULTS.requestTimeoutMs,
      });
      sessions.push(signaling);
      const joined = await signaling.join({ room, token, media: () => ({ audio: true, video: !receiveOnly }) });
      const transport = new SfuTransport({
        receiveOnly,
        iceServers: joined.iceServers ?? [],
        cameraLayers: () => layers,
        signaling: sfuSignaling(() => signaling, () => undefined),
      });
      signaling.on('frame', ({ message }) => {
        if (message.type !== 'sfu-offer') return;
        offers++;
        transport.handleOffer(message.sdp, message.streams);
      });
      // The contract closes the transport; its session leaves the room with it.
      const close = transport.close.bind(transport);
      transport.close = () => {
        close();
        signaling.close();
      };
      return { transport, peer: { userId, sessionId: joined.session.id, receiveOnly } };
    },
    offers: () => offers,
    close: () => sessions.forEach((s) => s.close()),
  };
}

describe('SfuTransport through Janus', () => {
  let server: TestServer;
  before(async () => {
    server = (await executeServerCommand('rtc-server-start', { graceMs: 15_000, media: 'sfu' })) as TestServer;
  });
  after(async () => {
    if (server) await stopServer(server);
  });
  transportContract('SfuTransport', () => sfuHarness(() => server));
});
