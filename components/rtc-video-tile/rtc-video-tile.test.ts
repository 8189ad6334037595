import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import './rtc-video-tile.js';
import type { RtcVideoTile } from './rtc-video-tile.component.js';
import { canvasStream, fakeParticipant, stopFakeMedia } from '../internal/testing/fake-media.js';
import { LoopbackCall } from '../internal/testing/loopback-call.js';
import { registerStrings } from '../i18n/strings.js';

const part = (el: RtcVideoTile, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);

describe('<rtc-video-tile>', () => {
  afterEach(stopFakeMedia);

  it('plays the participant video, muted, and reflects their state', async () => {
    const el = await fixture<RtcVideoTile>(html`<rtc-video-tile .participant=${fakeParticipant('ada')} style="width:320px;height:180px"></rtc-video-tile>`);
    const video = part(el, 'video') as HTMLVideoElement;
    await waitUntil(() => video.videoWidth > 0 && !video.paused, 'video frames arrive', { timeout: 10_000 });
    expect(video.muted).to.be.true;
    expect(el.getAttribute('user-id')).to.equal('ada');
    expect(el.hasAttribute('local')).to.be.false;
    expect(el.hasAttribute('audio-muted')).to.be.false;
    expect(el.hasAttribute('video-muted')).to.be.false;
    expect(part(el, 'name')!.textContent).to.equal('Ada');
    expect(part(el, 'placeholder')).to.be.null;
    expect(getComputedStyle(video).transform).to.equal('none');
  });

  it('mirrors the local camera and labels it as you, in both languages', async () => {
    const me = fakeParticipant('me', { name: 'Grace', local: true });
    const el = await fixture<RtcVideoTile>(html`<rtc-video-tile .participant=${me}></rtc-video-tile>`);
    expect(el.hasAttribute('local')).to.be.true;
    expect(getComputedStyle(part(el, 'video')!).transform).to.not.equal('none');
    expect(part(el, 'name')!.textContent).to.equal('Grace (you)');
    el.lang = 'zh-CN';
    await el.updateComplete;
    expect(part(el, 'name')!.textContent).to.equal('Grace（我）');
  });

  it('follows the page language, and strings the page registers or passes', async () => {
    const me = fakeParticipant('me', { name: 'Grace', local: true });
    const el = await fixture<RtcVideoTile>(html`<rtc-video-tile .participant=${me}></rtc-video-tile>`);
    const name = () => part(el, 'name')!.textContent;
    const pageLang = document.documentElement.lang;
    try {
      document.documentElement.lang = 'zh-Hans';
      await waitUntil(() => name() === 'Grace（我）', 'the page language is followed');
      document.documentElement.lang = 'en-GB';
      await waitUntil(() => name() === 'Grace (you)');
      registerStrings('en', { 'tile.you': '{name} (me)' });
      await waitUntil(() => name() === 'Grace (me)', 'registered strings apply at once');
      el.strings = { 'tile.you': 'Me, {name}' };
      await el.updateComplete;
      expect(name()).to.equal('Me, Grace');
    } finally {
      registerStrings('en', { 'tile.you': '{name} (you)' });
      document.documentElement.lang = pageLang;
    }
  });

  it('shows initials or the avatar when the camera is off, and the muted mark', async () => {
    const p = fakeParticipant('bob', { name: 'Bob Stone', media: { audio: false, video: false, screen: false } });
    const el = await fixture<RtcVideoTile>(html`<rtc-video-tile .participant=${p}></rtc-video-tile>`);
    expect(el.hasAttribute('video-muted')).to.be.true;
    expect(el.hasAttribute('audio-muted')).to.be.true;
    expect(part(el, 'avatar')!.textContent!.trim()).to.equal('BS');
    expect(part(el, 'muted-icon')).to.exist;
    expect(part(el, 'base')!.getAttribute('aria-label')).to.equal('Bob Stone, Microphone off');
    el.avatar = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
    await el.updateComplete;
    expect(part(el, 'avatar')!.tagName).to.equal('IMG');
    el.participant = { ...p, name: '欧阳娜娜' };
    el.avatar = '';
    await el.updateComplete;
    expect(part(el, 'avatar')!.textContent!.trim()).to.equal('欧');
  });

  it('counts a camera without a live video track as off', async () => {
    const stream = canvasStream();
    stream.getVideoTracks().forEach((t) => t.stop());
    const el = await fixture<RtcVideoTile>(html`<rtc-video-tile .participant=${fakeParticipant('cy', { stream })}></rtc-video-tile>`);
    expect(el.hasAttribute('video-muted')).to.be.true;
  });

  it('shows the shared screen uncropped when `screen` is set', async () => {
    const p = fakeParticipant('dee', { media: { audio: true, video: true, screen: true }, screenStream: canvasStream({ hue: 30, width: 640, height: 360 }) });
    const el = await fixture<RtcVideoTile>(html`<rtc-video-tile screen .participant=${p}></rtc-video-tile>`);
    const video = part(el, 'video') as HTMLVideoElement;
    expect(video.srcObject).to.equal(p.screenStream);
    expect(getComputedStyle(video).objectFit).to.equal('contain');
    expect(part(el, 'name')!.textContent).to.equal('Dee is presenting');
    expect(part(el, 'muted-icon')).to.be.null;
  });

  it('fires rtc-pin from a keyboard-operable pin button', async () => {
    const el = await fixture<RtcVideoTile>(html`<rtc-video-tile pinnable .participant=${fakeParticipant('eve')}></rtc-video-tile>`);
    const button = part(el, 'pin-button')!;
    expect(button.getAttribute('aria-pressed')).to.equal('false');
    expect(button.getAttribute('aria-label')).to.equal('Pin Eve');
    button.focus();
    setTimeout(() => sendKeys({ press: 'Enter' }));
    const event = await oneEvent(el, 'rtc-pin');
    expect(event.detail).to.deep.equal({ userId: 'eve', pinned: true });
    expect(event.bubbles && event.composed).to.be.true;
    el.pinned = true;
    await el.updateComplete;
    expect(button.getAttribute('aria-pressed')).to.equal('true');
  });

  it('marks a raised hand on the camera tile, not on the screen', async () => {
    const p = fakeParticipant('hal', { handRaised: true, media: { audio: true, video: true, screen: true }, screenStream: canvasStream() });
    const el = await fixture<RtcVideoTile>(html`<rtc-video-tile .participant=${p}></rtc-video-tile>`);
    expect(el.hasAttribute('hand-raised')).to.be.true;
    expect(part(el, 'hand')!.title).to.equal('Hand raised');
    expect(part(el, 'base')!.getAttribute('aria-label')).to.equal('Hal, Hand raised');
    const screen = await fixture<RtcVideoTile>(html`<rtc-video-tile screen .participant=${p}></rtc-video-tile>`);
    expect(screen.hasAttribute('hand-raised')).to.be.false;
    el.participant = { ...p, handRaised: false };
    await el.updateComplete;
    expect(part(el, 'hand')).to.be.null;
  });

  it('shows a reaction on the sender\'s tile for a few seconds, without motion when asked', async function () {
    this.timeout(60_000);
    const call = new LoopbackCall();
    try {
      const ann = await call.joined('ann');
      const ben = await call.joined('ben');
      const benTile = await fixture<RtcVideoTile>(html`<rtc-video-tile .engine=${ann.engine} user-id="ben"></rtc-video-tile>`);
      const annTile = await fixture<RtcVideoTile>(html`<rtc-video-tile .engine=${ann.engine} user-id="ann"></rtc-video-tile>`);
      await waitUntil(() => part(benTile, 'name'), 'ben known', { timeout: 10_000 });
      await emulateMedia({ reducedMotion: 'reduce' });
      await ben.engine.sendReaction('🎉');
      await waitUntil(() => part(benTile, 'reactions'), 'reaction shown', { timeout: 10_000 });
      expect(part(benTile, 'reactions')!.textContent!.trim()).to.equal('🎉');
      expect(getComputedStyle(part(benTile, 'reactions')!.firstElementChild!).animationName).to.equal('none');
      expect(part(annTile, 'reactions'), 'only on the sender\'s tile').to.be.null;
      await waitUntil(() => !part(benTile, 'reactions'), 'gone after a few seconds', { timeout: 10_000 });

      await emulateMedia({ reducedMotion: 'no-preference' });
      await ann.engine.sendReaction('👍');
      await waitUntil(() => part(annTile, 'reactions'), 'own reaction on own tile', { timeout: 10_000 });
      expect(getComputedStyle(part(annTile, 'reactions')!.firstElementChild!).animationName).to.equal('rise');
    } finally {
      await emulateMedia({ reducedMotion: 'no-preference' });
      await call.close();
    }
  });

  it('takes the video off the element when removed', async () => {
    const el = await fixture<RtcVideoTile>(html`<rtc-video-tile .participant=${fakeParticipant('fay')}></rtc-video-tile>`);
    const video = part(el, 'video') as HTMLVideoElement;
    expect(video.srcObject).to.exist;
    el.remove();
    expect(video.srcObject).to.be.null;
  });

  it('is accessible', async () => {
    const el = await fixture<RtcVideoTile>(html`<rtc-video-tile pinnable .participant=${fakeParticipant('gus', { media: { audio: false, video: false, screen: false } })}
      style="width:240px;height:135px"></rtc-video-tile>`);
    await expect(el).to.be.accessible();
  });
});
