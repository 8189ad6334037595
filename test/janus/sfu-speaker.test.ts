/**
 * Active speaker in SFU rooms from Janus's audio-level events (scripts/test-janus.sh): the server relays
 * Janus's verdict as `speaking` frames and the engines pick the speaker from it with their usual hysteresis.
 */
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { TestClient, roomName, stopServer, type TestServer } from '../../core/testing/call-fixture.js';
import { until } from '../../core/testing/media-probes.js';
import { fetchDevToken } from '../../core/dev-token.js';
import type { WebSocketLike } from '../../core/rtc-client.js';

/** A client that keeps the `speaking` frames the server sent it. */
class SpeakerClient extends TestClient {
  speaking: { userId: string; speaking: boolean }[] = [];
  constructor(server: TestServer) {
    super({
      server: server.url,
      connect: (url) => {
        const socket = new WebSocket(url);
        socket.addEventListener('message', ({ data }) => {
          const frame = JSON.parse(String(data)) as { type: string; userId: string; speaking: boolean };
          if (frame.type === 'speaking') this.speaking.push({ userId: frame.userId, speaking: frame.speaking });
        });
        return socket as unknown as WebSocketLike;
      },
    });
  }
}

async function join(server: TestServer, room: string, user: string, audio: boolean): Promise<SpeakerClient> {
  const client = new SpeakerClient(server);
  const token = await fetchDevToken(server.url, { room, user, name: user, role: user === 'ann' ? 'host' : 'participant' });
  await client.join(token, { audio, video: false });
  return client;
}

describe('Active speaker through Janus', function () {
  this.timeout(120_000);
  let server: TestServer;
  let clients: SpeakerClient[] = [];

  before(async () => {
    server = (await executeServerCommand('rtc-server-start', { graceMs: 15_000, media: 'sfu' })) as TestServer;
  });

  after(async () => {
    await Promise.all(clients.map((c) => c.leave()));
    if (server) await stopServer(server);
  });

  it('Janus hears ann talk: everyone is told, bob\'s engine makes her the speaker, and not once she is muted', async () => {
    const room = roomName('speaker');
    const ann = await join(server, room, 'ann', true);
    const bob = await join(server, room, 'bob', false);
    clients = [ann, bob];
    await until(() => bob.speaking.some((s) => s.userId === 'ann' && s.speaking), 'Janus says ann talks, at bob', 60_000);
    expect(ann.speaking.some((s) => s.userId === 'ann' && s.speaking), 'ann is told too').to.equal(true);
    expect(bob.speaking.some((s) => s.userId === 'bob'), 'bob, muted, never talked').to.equal(false);
    await until(() => bob.activeSpeaker === 'ann', 'ann the active speaker at bob', 10_000);

    await ann.setMicrophone(false);
    await until(() => bob.speaking.at(-1)?.userId === 'ann' && bob.speaking.at(-1)?.speaking === false, 'Janus says ann stopped, at bob', 30_000);
    await until(() => bob.activeSpeaker === null, 'nobody the active speaker at bob', 10_000);
  });
});
