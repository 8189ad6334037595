/**
 * The sound of a shared screen in two rooms through the real server, with Chromium's own picker
 * (its fake UI hands over a tab with "Fake audio"): played at the sharer's volume, gone with the share.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import './rtc-room.js';
import type { RtcRoom } from './rtc-room.component.js';

const LONG = { timeout: 30_000 };
const sounds = (room: RtcRoom, userId: string) => [...room.shadowRoot!.querySelectorAll<HTMLAudioElement>(`audio[data-user-id="${userId}"]`)];
const screenSound = (room: RtcRoom, userId: string) => sounds(room, userId).find((audio) => audio.dataset['source'] === 'screen');

describe('<rtc-room> screen share with its sound, through the server', function () {
  this.timeout(120_000);
  let server: { id: string; url: string };
  const rooms: RtcRoom[] = [];

  before(async () => {
    server = await executeServerCommand<{ id: string; url: string }, object>('rtc-server-start', { graceMs: 1000 });
  });

  after(async () => {
    await Promise.all(rooms.map((room) => room.leave()));
    await executeServerCommand('rtc-server-stop', { id: server.id });
  });

  async function seat(userId: string): Promise<RtcRoom> {
    const room = await fixture<RtcRoom>(html`<rtc-room server=${server.url} room="screen-sound" user-id=${userId} user-name=${userId}
      video="off" autojoin style="width:720px;height:420px"></rtc-room>`);
    rooms.push(room);
    await waitUntil(() => room.phase === 'joined', `${userId} joined`, LONG);
    return room;
  }

  it('plays the shared tab\'s sound at the sharer\'s own volume, and stops it with the share', async () => {
    const ann = await seat('ann');
    const bob = await seat('bob');
    await waitUntil(() => sounds(ann, 'bob').length === 1, 'Ann hears Bob\'s microphone', LONG);

    await bob.toggleScreenShare(true);
    await waitUntil(() => screenSound(ann, 'bob'), 'Ann plays the sound of Bob\'s screen', LONG);
    const tab = screenSound(ann, 'bob')!;
    expect((tab.srcObject as MediaStream).getAudioTracks().length).to.equal(1);
    expect(screenSound(bob, 'bob'), 'Bob does not hear his own tab twice').to.equal(undefined);

    ann.setUserVolume('bob', 0.25);
    await waitUntil(() => tab.volume === 0.25, 'the screen\'s sound follows Bob\'s volume', LONG);
    expect(sounds(ann, 'bob').every((audio) => audio.volume === 0.25)).to.be.true;
    ann.muteUserLocally('bob', true);
    await waitUntil(() => tab.muted, 'muting Bob for me mutes his tab too', LONG);

    await bob.toggleScreenShare(false);
    await waitUntil(() => !screenSound(ann, 'bob'), 'the screen\'s sound goes with the share', LONG);
    expect(sounds(ann, 'bob').length, 'his microphone stays').to.equal(1);
  });
});
