/** Getting into a room: refusals carry the right code, a missing camera does not keep anyone out, viewers only watch. */
import { expect } from '@open-wc/testing';
import { createRoom, fetchDevToken } from './dev-token.js';
import { RtcError } from './errors.js';
import { RtcClient } from './rtc-client.js';
import { joinAs, roomName, signToken, startServer, stopServer, TestClient, type TestServer } from './testing/call-fixture.js';
import { framesArrive, until } from './testing/media-probes.js';
import { SyntheticMedia } from './testing/synthetic-media.js';

const refusal = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error);

describe('RtcClient: admission', function () {
  this.timeout(120_000);
  let server: TestServer;
  const clients: RtcClient[] = [];

  before(async () => {
    server = await startServer();
  });
  after(async () => {
    await Promise.all(clients.map((c) => c.leave()));
    if (server) await stopServer(server);
  });

  it('refuses a wrong password with `wrong-password`, releases the devices, then lets the right one in', async () => {
    const { roomId } = await createRoom(server.url, { password: 'sesame' });
    const client = new TestClient({ server: server.url });
    clients.push(client);
    const token = await fetchDevToken(server.url, { room: roomId, user: 'pat' });

    const error = await refusal(client.join(token, { password: 'open up' }));
    expect(RtcError.is(error, 'wrong-password'), String(error)).to.equal(true);
    expect(client.state).to.equal('disconnected');
    expect(client.self.stream, 'camera and microphone released').to.equal(null);
    expect(client.events('left'), 'never joined, so never left').to.have.length(0);

    await client.join(token, { password: 'sesame' });
    expect(client.state).to.equal('connected');
    expect(client.roomId).to.equal(roomId);
  });

  it('refuses an expired token with `token-expired` and a forged one with `token-invalid`', async () => {
    const secret = 'a-test-secret-that-is-long-enough-0123456789';
    const signed = await startServer({ secret });
    try {
      const now = Math.floor(Date.now() / 1000);
      const expired = await signToken(secret, { room: 'lobby', sub: 'old', exp: now - 60, iat: now - 3600 });
      const client = new RtcClient({ server: signed.url });
      const error = await refusal(client.join(expired, { audio: false, video: false }));
      expect(RtcError.is(error, 'token-expired'), String(error)).to.equal(true);

      const forged = await signToken('not-the-secret-but-just-as-long-0123456789', { room: 'lobby', sub: 'eve', exp: now + 600 });
      const invalid = await refusal(client.join(forged, { audio: false, video: false }));
      expect(RtcError.is(invalid, 'token-invalid'), String(invalid)).to.equal(true);

      const good = await signToken(secret, { room: 'lobby', sub: 'ok', exp: now + 600 });
      await client.join(good, { audio: false, video: false });
      expect(client.self.userId).to.equal('ok');
      await client.leave();
    } finally {
      await stopServer(signed);
    }
  });

  it('lets someone whose camera is denied join with it off, and says why', async () => {
    const room = roomName('denied');
    const media = new SyntheticMedia({ label: 'No camera', fail: { camera: 'NotAllowedError' } });
    const client = new TestClient({ server: server.url, mediaSource: media });
    clients.push(client);
    await client.join(await fetchDevToken(server.url, { room, user: 'nocam' }));

    expect(client.state).to.equal('connected');
    expect(client.events('error').map((e) => e.error.code)).to.deep.equal(['permission-denied']);
    expect(client.self.media).to.deep.equal({ audio: true, video: false, screen: false });

    const other = await joinAs(server, { room, user: 'watcher' });
    clients.push(other);
    await until(() => other.participants.get('nocam')?.media.video === false, 'the other side to see the camera off');
    expect(other.participants.get('nocam')!.media.audio).to.equal(true);

    const again = await refusal(client.setCamera(true));
    expect(RtcError.is(again, 'permission-denied')).to.equal(true);
    media.setFailure('camera', undefined);
    await client.setCamera(true);
    await until(() => other.participants.get('nocam')?.media.video === true && !!other.participants.get('nocam')?.stream?.getVideoTracks().length, 'the camera to come on once allowed');
    await framesArrive(other.participants.get('nocam')!.stream!);
  });

  it('does not hold the join on a permission prompt: the camera comes on once allowed, or never after leaving', async () => {
    /** The browser's media, behind a prompt the test answers. */
    function prompting() {
      let allow!: () => void;
      const answered = new Promise<void>((resolve) => (allow = resolve));
      const captured: MediaStreamTrack[] = [];
      const source = {
        getUserMedia: async (constraints: MediaStreamConstraints) => {
          await answered;
          const stream = await navigator.mediaDevices.getUserMedia(constraints);
          captured.push(...stream.getTracks());
          return stream;
        },
        getDisplayMedia: (options?: DisplayMediaStreamOptions) => navigator.mediaDevices.getDisplayMedia(options),
        enumerateDevices: () => navigator.mediaDevices.enumerateDevices(),
      };
      return { source, allow, captured };
    }
    const room = roomName('prompt');
    const slow = prompting();
    const client = new TestClient({ server: server.url, mediaSource: slow.source });
    clients.push(client);
    await client.join(await fetchDevToken(server.url, { room, user: 'ponder' }));
    expect(client.self.media).to.deep.equal({ audio: false, video: false, screen: false });
    const other = await joinAs(server, { room, user: 'other' });
    clients.push(other);
    slow.allow();
    await until(() => other.participants.get('ponder')?.media.video === true && other.participants.get('ponder')!.media.audio, 'the devices to come on once allowed');
    await until(() => !!other.participants.get('ponder')?.stream?.getVideoTracks().length, 'the video');
    await framesArrive(other.participants.get('ponder')!.stream);

    const gone = prompting();
    const leaver = new TestClient({ server: server.url, mediaSource: gone.source });
    await leaver.join(await fetchDevToken(server.url, { room, user: 'leaver' }));
    await leaver.leave();
    gone.allow();
    await until(() => gone.captured.length === 2, 'the late capture');
    expect(gone.captured.map((t) => t.readyState)).to.deep.equal(['ended', 'ended']);
    expect(leaver.self.stream).to.equal(null);
  });

  it('rejects a screen share whose picker was closed with `screen-share-cancelled`, and frees the slot', async () => {
    const room = roomName('cancel');
    const media = new SyntheticMedia({ fail: { screen: 'NotAllowedError' } });
    const client = new TestClient({ server: server.url, mediaSource: media });
    clients.push(client);
    await client.join(await fetchDevToken(server.url, { room, user: 'shy' }), { audio: false, video: false });
    const other = await joinAs(server, { room, user: 'bold', join: { audio: false, video: false } });
    clients.push(other);

    const cancelled = await refusal(client.shareScreen(true));
    expect(RtcError.is(cancelled, 'screen-share-cancelled'), String(cancelled)).to.equal(true);
    expect(client.self.media.screen).to.equal(false);
    await other.shareScreen(true);
    await until(() => client.screenSharer === 'bold', 'the other one to get the slot');
    await other.shareScreen(false);
  });

  it('lets a viewer watch without sending anything', async () => {
    const room = roomName('view');
    const speaker = await joinAs(server, { room, user: 'speaker' });
    const viewer = await joinAs(server, { room, user: 'viewer', role: 'viewer' });
    clients.push(speaker, viewer);
    expect(viewer.self.media).to.deep.equal({ audio: false, video: false, screen: false });
    expect(viewer.self.stream).to.equal(null);
    await until(() => !!viewer.participants.get('speaker')?.stream?.getVideoTracks().length, 'the viewer to get the video');
    await framesArrive(viewer.participants.get('speaker')!.stream!);
    expect(RtcError.is(await refusal(viewer.setCamera(true)), 'not-allowed')).to.equal(true);
    expect(RtcError.is(await refusal(viewer.shareScreen(true)), 'not-allowed')).to.equal(true);
    await until(() => speaker.participants.get('viewer')?.link === 'connected', 'the speaker\'s link to the viewer');
    expect(speaker.participants.get('viewer')!.stream?.getVideoTracks().length ?? 0).to.equal(0);
  });
});
