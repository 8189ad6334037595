/** `video-quality` on `<rtc-room>`: the preset decides what the camera captures, before joining and live. */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import './rtc-room.js';
import type { RtcRoom } from './rtc-room.component.js';

const LONG = { timeout: 20_000 };

function captured(room: RtcRoom): { width?: number; height?: number; frameRate?: number } {
  return room.engine?.self.stream?.getVideoTracks()[0]?.getSettings() ?? {};
}

function capturesAt(room: RtcRoom, width: number, height: number): () => boolean {
  return () => captured(room).width === width && captured(room).height === height;
}

describe('<rtc-room video-quality>', function () {
  this.timeout(60_000);

  it('captures the preset asked for in the lobby preview, and changes the size live', async () => {
    const room = await fixture<RtcRoom>(html`<rtc-room room="quality" user-name="Ann" video-quality="180p" style="width:640px;height:400px"></rtc-room>`);
    await waitUntil(capturesAt(room, 320, 180), '180p is 320×180', LONG);
    expect(captured(room).frameRate).to.be.at.most(15);

    room.videoQuality = '720p';
    await waitUntil(capturesAt(room, 1280, 720), '720p is 1280×720', LONG);
    expect(room.getAttribute('video-quality')).to.equal('720p');

    room.videoQuality = '360p_portrait';
    await waitUntil(capturesAt(room, 360, 640), 'the portrait preset stands upright', LONG);

    room.videoQuality = 'VGA'; // Ant's name for 640×480
    await waitUntil(capturesAt(room, 640, 480), "a seed's profile name", LONG);
    await room.engine?.leave();
  });
});
