/**
 * Noise suppression and echo cancellation in the microphone menu, in a call through the real server:
 * the switch changes what the microphone track does (its settings), and the next call starts so.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import '../rtc-room/rtc-room.js';
import type { RtcRoom } from '../rtc-room/rtc-room.component.js';
import type { RtcControls } from './rtc-controls.component.js';
import { AUDIO_PROCESSING_KEY } from '../internal/remembered-audio-processing.js';

const LONG = { timeout: 30_000 };

const controls = (room: RtcRoom) => room.shadowRoot!.querySelector<RtcControls>('rtc-controls')!;
const micMenuButton = (room: RtcRoom) => controls(room).shadowRoot!.querySelector<HTMLButtonElement>('[data-action="microphone"] [part~="menu-button"]')!;
const item = (room: RtcRoom, key: string) => controls(room).shadowRoot!.querySelector<HTMLElement>(`[role="menu"] [data-processing="${key}"]`);
const micSettings = (room: RtcRoom) => room.engine!.self.stream!.getAudioTracks()[0]!.getSettings();
const focused = (room: RtcRoom) => controls(room).shadowRoot!.activeElement as HTMLElement | null;

describe('<rtc-controls> audio processing, through the server', function () {
  this.timeout(120_000);
  let server: { id: string; url: string };

  before(async () => {
    localStorage.removeItem(AUDIO_PROCESSING_KEY);
    server = await executeServerCommand<{ id: string; url: string }, object>('rtc-server-start', { graceMs: 1000 });
  });

  after(async () => {
    localStorage.removeItem(AUDIO_PROCESSING_KEY);
    await executeServerCommand('rtc-server-stop', { id: server.id });
  });

  async function inCall(userId: string, lang = 'en'): Promise<RtcRoom> {
    const room = await fixture<RtcRoom>(html`<rtc-room server=${server.url} room="processing" user-id=${userId} user-name=${userId}
      lang=${lang} video="off" autojoin style="width:900px;height:480px"></rtc-room>`);
    await waitUntil(() => room.phase === 'joined' && controls(room) && micMenuButton(room) && room.engine?.self.stream?.getAudioTracks()[0],
      `${userId} in the call with a microphone`, LONG);
    return room;
  }

  it('switches noise suppression and echo cancellation on the live microphone, by keyboard, and remembers them', async () => {
    const room = await inCall('ann');
    expect(micSettings(room)).to.include({ noiseSuppression: true, echoCancellation: true });

    micMenuButton(room).focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => item(room, 'noiseSuppression'), 'the menu opens', LONG);
    expect(item(room, 'noiseSuppression')!.getAttribute('role')).to.equal('menuitemcheckbox');
    expect(item(room, 'noiseSuppression')!.getAttribute('aria-checked')).to.equal('true');
    await expect(controls(room)).to.be.accessible();
    await sendKeys({ press: 'End' });
    await sendKeys({ press: 'ArrowUp' });
    expect(focused(room)).to.equal(item(room, 'noiseSuppression'));
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => micSettings(room).noiseSuppression === false, 'the microphone no longer suppresses noise', LONG);
    expect(micSettings(room).echoCancellation, 'the other switch stays').to.be.true;
    expect(room.engine!.self.media.audio, 'still unmuted').to.be.true;
    expect(JSON.parse(localStorage.getItem(AUDIO_PROCESSING_KEY)!)).to.deep.equal({ noiseSuppression: false });

    micMenuButton(room).click();
    await waitUntil(() => item(room, 'echoCancellation'), 'the menu opens again', LONG);
    expect(item(room, 'noiseSuppression')!.getAttribute('aria-checked')).to.equal('false');
    item(room, 'echoCancellation')!.click();
    await waitUntil(() => micSettings(room).echoCancellation === false, 'echo cancellation off', LONG);
    await room.leave();

    // The next call (a new room, a new engine) starts as the user left them, in Chinese here.
    const next = await inCall('ann-again', 'zh-CN');
    expect(micSettings(next)).to.include({ noiseSuppression: false, echoCancellation: false });
    micMenuButton(next).click();
    await waitUntil(() => item(next, 'echoCancellation'), 'the menu opens', LONG);
    expect(item(next, 'noiseSuppression')!.textContent!.trim()).to.equal('降噪');
    expect(item(next, 'echoCancellation')!.textContent!.trim()).to.equal('回声消除');
    expect(item(next, 'echoCancellation')!.getAttribute('aria-checked')).to.equal('false');
    await expect(controls(next)).to.be.accessible();
    await next.leave();
  });

  it('offers audio only as an action: a toggle with aria-pressed, in both languages', async () => {
    const room = await fixture<RtcRoom>(html`<rtc-room server=${server.url} room="processing-2" user-id="cy" user-name="Cy" lang="zh-CN"
      autojoin style="width:900px;height:480px"><rtc-controls actions="microphone camera audio-only hangup"></rtc-controls></rtc-room>`);
    const bar = () => room.querySelector<RtcControls>('rtc-controls')!;
    const button = () => bar().shadowRoot!.querySelector<HTMLButtonElement>('[part~="button-audio-only"]');
    await waitUntil(() => room.phase === 'joined' && button() && room.engine!.self.media.video, 'in the call with the camera on', LONG);
    expect(button()!.getAttribute('aria-label')).to.equal('仅语音');
    expect(button()!.getAttribute('aria-pressed')).to.equal('false');
    button()!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => button()!.getAttribute('aria-pressed') === 'true', 'pressed', LONG);
    expect(room.engine!.audioOnly).to.equal(true);
    await waitUntil(() => !room.engine!.self.media.video, 'the camera goes off', LONG);
    await expect(bar()).to.be.accessible();
    button()!.click();
    await waitUntil(() => button()!.getAttribute('aria-pressed') === 'false' && !room.engine!.audioOnly, 'lifted', LONG);
    room.lang = 'en';
    await waitUntil(() => button()!.getAttribute('aria-label') === 'Audio only', 'in English', LONG);
    await room.leave();
  });
});
