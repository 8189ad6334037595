/**
 * The lobby's device check inside `<rtc-room>`, with Chromium's fake devices (three cameras, microphones
 * and speakers) and the real server on loopback: the meter, the pickers, the speaker test, the
 * connectivity verdict, the remembered choices; keyboard and axe, in English and Chinese.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import { LevelMeter } from '../../core/audio/level-meter.js';
import '../rtc-room/rtc-room.js';
import type { RtcRoom } from '../rtc-room/rtc-room.component.js';
import './rtc-device-check.js';
import type { RtcDeviceCheck } from './rtc-device-check.component.js';
import { CHOICES_KEY } from '../internal/remembered-choices.js';

const LONG = { timeout: 20_000 };

const check = (room: RtcRoom) => room.shadowRoot!.querySelector<RtcDeviceCheck>('rtc-device-check')!;
const part = <T extends HTMLElement = HTMLElement>(room: RtcRoom, name: string) => check(room).shadowRoot!.querySelector<T>(`[part~="${name}"]`)!;
const meterValue = (room: RtcRoom) => Number(part(room, 'meter').getAttribute('aria-valuenow'));
const picker = (room: RtcRoom, kind: string) => part<HTMLSelectElement>(room, `picker-${kind}`);
const lobbyButton = (room: RtcRoom, kind: 'microphone' | 'camera') =>
  room.shadowRoot!.querySelector<HTMLButtonElement>(`.preview-controls [data-device="${kind}"]`)!;
const text = (element: Element | null) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

async function lobby(attrs: { server?: string; lang?: string; video?: string } = {}): Promise<RtcRoom> {
  const room = await fixture<RtcRoom>(html`<rtc-room room="device-check" user-name="Ann" server=${attrs.server ?? location.origin}
    lang=${attrs.lang ?? 'en'} video=${attrs.video ?? 'on'} style="width:900px;height:640px"></rtc-room>`);
  await waitUntil(() => check(room)?.shadowRoot?.querySelector('[part~="meter"]'), 'the device check loaded', LONG);
  return room;
}

async function openSettings(room: RtcRoom): Promise<void> {
  const summary = part(room, 'settings').querySelector('summary')!;
  summary.focus();
  await sendKeys({ press: 'Enter' });
  await waitUntil(() => (part(room, 'settings') as HTMLDetailsElement).open, 'the settings open from the keyboard');
  await waitUntil(() => picker(room, 'microphone').options.length === 3 && picker(room, 'microphone').options[0]!.value, 'the microphones listed');
}

describe('<rtc-device-check> in the lobby', function () {
  this.timeout(90_000);

  beforeEach(() => localStorage.removeItem(CHOICES_KEY));
  afterEach(async () => {
    for (const room of document.querySelectorAll('rtc-room')) await room.leave();
    localStorage.removeItem(CHOICES_KEY);
  });

  it('moves the microphone meter with the fake microphone, and stills it when the microphone is off', async () => {
    const room = await lobby();
    // Chromium's fake microphone beeps: the meter rises with each beep.
    await waitUntil(() => meterValue(room) > 40, 'the meter rises with the microphone', LONG);
    lobbyButton(room, 'microphone').click();
    await waitUntil(() => meterValue(room) === 0, 'the meter drops with the microphone off');
    expect(part(room, 'meter').getAttribute('aria-label')).to.equal('Microphone off');
    lobbyButton(room, 'microphone').click();
    await waitUntil(() => meterValue(room) > 40, 'the meter rises again', LONG);
  });

  it('remembers the chosen devices and the camera off across a reload, until told to forget', async () => {
    const first = await lobby();
    await openSettings(first);
    await waitUntil(() => first.engine!.self.media.video, 'the preview camera is on', LONG);
    const cameras = [...picker(first, 'camera').options].map((option) => option.value);
    const microphones = [...picker(first, 'microphone').options].map((option) => option.value);
    // The keyboard way: focus the picker and move down one.
    picker(first, 'microphone').focus();
    await sendKeys({ press: 'ArrowDown' });
    await waitUntil(() => first.engine!.selectedDevices.microphone === microphones[1], 'the second microphone chosen');
    picker(first, 'camera').value = cameras[2]!;
    picker(first, 'camera').dispatchEvent(new Event('change'));
    await waitUntil(() => first.engine!.selectedDevices.camera === cameras[2], 'the preview moves to the third camera', LONG);
    lobbyButton(first, 'camera').click();
    await waitUntil(() => !first.engine!.self.media.video, 'camera off');
    first.remove();

    // A reload: a new room, with a new engine, on the same site.
    const again = await lobby();
    await openSettings(again);
    expect(again.video, 'the camera stays off').to.equal(false);
    expect(lobbyButton(again, 'camera').getAttribute('aria-pressed')).to.equal('false');
    await waitUntil(() => picker(again, 'microphone').value === microphones[1], 'the microphone picker shows last time\'s choice');
    expect(again.engine!.selectedDevices.microphone).to.equal(microphones[1]);
    lobbyButton(again, 'camera').click();
    await waitUntil(() => again.engine!.selectedDevices.camera === cameras[2] && again.engine!.self.media.video, 'the remembered camera opens', LONG);

    part<HTMLButtonElement>(again, 'forget-button').click();
    await check(again).updateComplete;
    expect(text(part(again, 'forget-button').nextElementSibling)).to.equal('Your device choices are forgotten.');
    expect(localStorage.getItem(CHOICES_KEY)).to.equal(null);
    again.remove();
    const fresh = await lobby();
    await waitUntil(() => fresh.engine!.self.media.video, 'a forgotten choice: the camera opens as the page says', LONG);
    expect(fresh.engine!.selectedDevices.camera).to.not.equal(cameras[2]);
  });

  it('plays the speaker test on the chosen speaker, and says what to listen for', async () => {
    const room = await lobby();
    await openSettings(room);
    const speakers = [...picker(room, 'speaker').options].map((option) => option.value);
    picker(room, 'speaker').value = speakers[1]!;
    picker(room, 'speaker').dispatchEvent(new Event('change'));
    await waitUntil(() => room.engine!.selectedDevices.speaker === speakers[1], 'the second speaker chosen');

    // Catch the element the test plays through, to listen to what it plays.
    const play = HTMLMediaElement.prototype.play;
    const played: HTMLMediaElement[] = [];
    HTMLMediaElement.prototype.play = function (this: HTMLMediaElement) {
      played.push(this);
      return play.call(this);
    };
    const meter = new LevelMeter();
    try {
      const button = part<HTMLButtonElement>(room, 'speaker-test');
      button.focus();
      await sendKeys({ press: 'Space' });
      // The chime's own <audio>, off the page (the preview's video plays too).
      const isChime = (element: HTMLMediaElement) => element instanceof HTMLAudioElement && !element.isConnected && element.srcObject instanceof MediaStream;
      await waitUntil(() => played.some(isChime), 'the chime plays');
      const chime = played.find(isChime)! as HTMLAudioElement;
      expect(chime.sinkId).to.equal(speakers[1]);
      expect(text(button)).to.equal('Playing a sound…');
      meter.setTrack((chime.srcObject as MediaStream).getAudioTracks()[0]!);
      await waitUntil(() => meter.level() > 0.05, 'the chime is audible');
      await waitUntil(() => text(button) === 'Test speaker', 'the test ends', LONG);
      expect(text(button.parentElement!.nextElementSibling)).to.equal('If you heard a chime, your speaker works.');
    } finally {
      HTMLMediaElement.prototype.play = play;
      meter.close();
    }
  });

  describe('with the server', () => {
    let server: { id: string; url: string };
    before(async () => {
      server = await executeServerCommand<{ id: string; url: string }, object>('rtc-server-start', {});
    });
    after(async () => {
      await executeServerCommand('rtc-server-stop', { id: server.id });
    });

    for (const [lang, good, heading] of [
      ['en', 'Your connection is ready for calls.', 'Check your devices'],
      ['zh-CN', '你的网络可以正常通话。', '检测你的设备'],
    ] as const) {
      it(`checks the connection from the keyboard and gives the verdict in words (${lang}), accessibly`, async () => {
        const room = await lobby({ server: server.url, lang });
        expect(text(part(room, 'settings').querySelector('summary'))).to.equal(heading);
        await openSettings(room);
        await expect(room).to.be.accessible();
        const done = oneEvent(room, 'rtc-connectivity-check');
        const button = part<HTMLButtonElement>(room, 'check-button');
        button.focus();
        await sendKeys({ press: 'Enter' });
        const { detail } = await done;
        expect(detail.report).to.include({ verdict: 'good', signaling: true, path: 'direct' });
        await check(room).updateComplete;
        expect(check(room).getAttribute('verdict')).to.equal('good');
        expect(text(part(room, 'verdict'))).to.equal(good);
        expect(part(room, 'steps').querySelectorAll('dd[data-ok="true"]')).to.have.length(2);
        await expect(room).to.be.accessible();
      });
    }

    it('says the server cannot be reached when it is down', async () => {
      const gone = await executeServerCommand<{ id: string; url: string }, object>('rtc-server-start', {});
      await executeServerCommand('rtc-server-stop', { id: gone.id });
      const room = await lobby({ server: gone.url });
      await openSettings(room);
      part<HTMLButtonElement>(room, 'check-button').click();
      await waitUntil(() => check(room).getAttribute('verdict') === 'no-signaling', 'the verdict', LONG);
      await check(room).updateComplete;
      expect(text(part(room, 'verdict'))).to.equal('The call server can’t be reached. Check your internet connection.');
      expect(text(part(room, 'check-button'))).to.equal('Check again');
    });
  });
});
