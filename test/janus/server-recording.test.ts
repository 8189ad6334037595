/**
 * Server recording through a real Janus (scripts/test-janus.sh runs it in a network namespace): a host
 * records an SFU call for about four seconds; after stop the server makes one file that ffprobe reads
 * with video and audio, lasting as long as the recording ran, listed by the API and downloadable in
 * ranges. A third person, in an <rtc-room>, sees it: the `recording` attribute, the header's mark, the notices.
 */
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { TestClient, roomName, stopServer, type TestServer } from '../../core/testing/call-fixture.js';
import { framesArrive, until } from '../../core/testing/media-probes.js';
import { fetchDevToken } from '../../core/dev-token.js';
import type { Role } from '../../protocol/ids.js';
import '../../components/rtc-room/rtc-room.js';
import type { RtcRoom } from '../../components/rtc-room/rtc-room.component.js';

interface Probe {
  streams: { codec_type: string; codec_name: string }[];
  format: { duration: string };
}

async function join(server: TestServer, room: string, user: string, role: Role): Promise<TestClient> {
  const client = new TestClient({ server: server.url, videoProfile: '180p_15' });
  const token = await fetchDevToken(server.url, { room, user, name: user === 'ann' ? 'Ann Lee' : 'Bob', role });
  await client.join(token, { audio: true, video: true });
  return client;
}

describe('server recording through Janus', function () {
  this.timeout(240_000);
  let server: TestServer;
  const clients: TestClient[] = [];
  const partOf = (room: RtcRoom, name: string) => room.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);

  before(async () => {
    server = (await executeServerCommand('rtc-server-start', { graceMs: 15_000, media: 'sfu', allowedOrigins: [location.origin] })) as TestServer;
  });

  after(async () => {
    await Promise.all(clients.map((c) => c.leave()));
    if (server) await stopServer(server);
  });

  it('a call recorded for 4 s becomes one file with video and audio, as long as it ran; everyone in it sees it', async () => {
    const room = roomName('rec');
    const ann = await join(server, room, 'ann', 'host');
    const bob = await join(server, room, 'bob', 'participant');
    clients.push(ann, bob);
    const box = document.createElement('div');
    box.innerHTML = `<rtc-room server="${server.url}" room="${room}" user-id="cy" user-name="Cy" autojoin style="display:block;width:640px;height:360px"></rtc-room>`;
    document.body.append(box);
    const cy = box.querySelector('rtc-room') as RtcRoom;
    await until(() => cy.phase === 'joined', 'Cy joined', 60_000);
    expect(cy.hasAttribute('recording'), 'nothing recorded yet').to.equal(false);
    for (const [client, other] of [[ann, 'bob'], [bob, 'ann']] as const) {
      await until(() => client.participants.get(other)?.stream?.getVideoTracks().length === 1, `${other}'s video`, 60_000);
      await framesArrive(client.participants.get(other)!.stream!, 5, 60_000);
    }

    await ann.startRecording();
    const started = performance.now();
    await until(() => bob.roomState?.serverRecording?.by === 'ann', 'bob sees that ann records');
    await until(() => cy.hasAttribute('recording'), 'Cy\'s room reflects the recording');
    await cy.updateComplete;
    expect(partOf(cy, 'recording-mark')?.getAttribute('aria-label')).to.equal('Recording: the server');
    expect(partOf(cy, 'recording-notice')?.textContent).to.contain('Ann Lee started recording the meeting on the server');
    // The call runs on the record for four seconds (the media has to flow that long).
    await new Promise((resolve) => setTimeout(resolve, 4000));
    await ann.stopRecording();
    const ranMs = performance.now() - started;
    await until(() => bob.roomState?.serverRecording === null, 'bob sees the recording stop');
    await until(() => !cy.hasAttribute('recording'), 'Cy\'s room no longer shows it');
    await cy.updateComplete;
    expect(partOf(cy, 'recording-mark'), 'no mark').to.equal(null);
    expect(partOf(cy, 'recording-notice')?.textContent).to.contain('The server recording has stopped');
    box.remove();

    const { recordings } = (await executeServerCommand('rtc-server-probe-recordings', { id: server.id })) as {
      recordings: { id: string; room: string; durationMs: number; size: number; probe: Probe }[];
    };
    expect(recordings.map((r) => r.room), 'one recording of the room').to.deep.equal([room]);
    const [recording] = recordings;
    const kinds = recording.probe.streams.map((s) => `${s.codec_type}:${s.codec_name}`).sort();
    expect(kinds, 'one video and one audio stream').to.deep.equal(['audio:aac', 'video:h264']);
    const durationMs = Number(recording.probe.format.duration) * 1000;
    expect(Math.abs(durationMs - ranMs), `file lasts ${durationMs} ms, the recording ran ${ranMs} ms`).to.be.at.most(1000);

    // The API lists it (dev mode: no admin token; this page's origin is allowed), and its url serves ranges, as players seek.
    const listing = (await (await fetch(`${server.url}/api/recordings?room=${room}`)).json()) as { recordings: { id: string; size: number; url: string }[] };
    expect(listing.recordings.map((r) => r.id)).to.deep.equal([recording.id]);
    const { url, size } = listing.recordings[0];
    expect(size).to.equal(recording.size);
    const part = await fetch(`${server.url}${url}`, { headers: { range: 'bytes=100-199' } });
    expect(part.status).to.equal(206);
    expect(part.headers.get('content-range')).to.equal(`bytes 100-199/${size}`);
    expect((await part.arrayBuffer()).byteLength).to.equal(100);
  });
});
