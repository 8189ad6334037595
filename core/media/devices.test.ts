/** Preview before joining, device lists and what happens when the device in use disappears (synthetic devices). */
import { expect } from '@open-wc/testing';
import { RtcClient } from '../rtc-client.js';
import { fetchDevToken } from '../dev-token.js';
import { roomName, startServer, stopServer } from '../testing/call-fixture.js';
import { framesArrive, until } from '../testing/media-probes.js';
import { SyntheticMedia } from '../testing/synthetic-media.js';
import type { RtcClientEvents } from '../types.js';

describe('devices', function () {
  this.timeout(60_000);
  const clients: RtcClient[] = [];
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.leave()));
  });

  function client(media: SyntheticMedia, server?: string): RtcClient {
    const c = new RtcClient({ mediaSource: media, server });
    clients.push(c);
    return c;
  }

  it('shows a preview before joining; the camera light goes off with it', async () => {
    const media = new SyntheticMedia({ label: 'Preview' });
    const c = client(media);
    await c.setCamera(true);
    await c.setMicrophone(true);
    expect(c.state).to.equal('disconnected');
    expect(c.self.media).to.deep.equal({ audio: true, video: true, screen: false });
    await framesArrive(c.self.stream);
    const track = c.self.stream!.getVideoTracks()[0];
    await c.setCamera(false);
    expect(track.readyState).to.equal('ended');
    expect(c.self.stream!.getVideoTracks()).to.have.length(0);
    await c.setMicrophone(false);
    expect(c.self.media.audio).to.equal(false);
    expect(c.self.stream!.getAudioTracks()[0].enabled, 'a muted microphone keeps its track, disabled').to.equal(false);
  });

  it('lists cameras, microphones and speakers, and cycles cameras', async () => {
    const media = new SyntheticMedia({ cameras: 3 });
    const c = client(media);
    const devices = await c.listDevices();
    expect([devices.cameras.length, devices.microphones.length, devices.speakers.length]).to.deep.equal([3, 1, 1]);
    await c.setCamera(true);
    const ids = devices.cameras.map((d) => d.deviceId);
    expect(c.selectedDevices.camera).to.equal(ids[0]);
    await c.switchCamera();
    expect(c.selectedDevices.camera).to.equal(ids[1]);
    await c.switchCamera();
    await c.switchCamera();
    expect(c.selectedDevices.camera).to.equal(ids[0]);
    await c.selectDevice('speaker', devices.speakers[0].deviceId);
    expect(c.selectedDevices.speaker).to.equal(devices.speakers[0].deviceId);
  });

  it('falls back to the default camera when the one in use is unplugged, and says so', async () => {
    const media = new SyntheticMedia({ cameras: 2 });
    const changes: RtcClientEvents['device-change'][] = [];
    const server = await startServer();
    try {
      const joined = new RtcClient({ mediaSource: media, server: server.url });
      clients.push(joined);
      joined.on('device-change', (detail) => changes.push(detail));
      await joined.join(await fetchDevToken(server.url, { room: roomName('unplug'), user: 'u' }), { audio: true, video: true });
      const { cameras } = await joined.listDevices();
      await joined.selectDevice('camera', cameras[1].deviceId);
      expect(joined.selectedDevices.camera).to.equal(cameras[1].deviceId);

      media.unplug(cameras[1].deviceId);
      await until(() => changes.some((e) => e.fallback), 'a fallback');
      const { fallback, devices } = changes.find((e) => e.fallback)!;
      expect(fallback).to.deep.equal({ kind: 'camera', from: cameras[1].deviceId, to: cameras[0].deviceId });
      expect(devices.cameras.map((d) => d.deviceId)).to.deep.equal([cameras[0].deviceId]);
      expect(joined.selectedDevices.camera).to.equal(cameras[0].deviceId);
      expect(joined.self.media.video).to.equal(true);
      await framesArrive(joined.self.stream);

      const plugged = media.plug('videoinput', 'USB camera');
      await until(() => changes.some((e) => !e.fallback && e.devices.cameras.some((d) => d.deviceId === plugged)), 'the new camera listed');
    } finally {
      await stopServer(server);
    }
  });

  it('falls back to the default speaker when the chosen one disappears', async () => {
    const media = new SyntheticMedia({ speakers: 2 });
    const server = await startServer();
    try {
      const c = new RtcClient({ mediaSource: media, server: server.url });
      clients.push(c);
      const changes: RtcClientEvents['device-change'][] = [];
      c.on('device-change', (detail) => changes.push(detail));
      await c.join(await fetchDevToken(server.url, { room: roomName('spk'), user: 's' }), { audio: false, video: false });
      const { speakers } = await c.listDevices();
      await c.selectDevice('speaker', speakers[1].deviceId);
      media.unplug(speakers[1].deviceId);
      await until(() => changes.some((e) => e.fallback), 'the speaker fallback');
      expect(changes.find((e) => e.fallback)!.fallback).to.deep.equal({ kind: 'speaker', from: speakers[1].deviceId, to: speakers[0].deviceId });
      expect(c.selectedDevices.speaker).to.equal(undefined);
    } finally {
      await stopServer(server);
    }
  });
});
