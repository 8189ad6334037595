/** Local recording, snapshots and picture-in-picture, in two rooms on one page through the real server on loopback. */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import './rtc-room.js';
import type { RtcRoom } from './rtc-room.component.js';
import { RtcError } from '../../core/errors.js';
import type { RtcLocalRecordingEvent } from '../events/rtc-local-recording.js';
import type { RtcRecordingChangeEvent } from '../events/rtc-recording-change.js';
import { pictureInPictureKind } from '../internal/picture-in-picture-support.js';

const LONG = { timeout: 30_000 };
const part = (room: RtcRoom, name: string) => room.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);

/** How long a file plays, as a <video> reads it (Infinity for a WebM whose header has no duration), and whether it seeks. */
async function playable(file: Blob): Promise<{ duration: number; seeked: boolean }> {
  const video = document.createElement('video');
  video.muted = true;
  video.src = URL.createObjectURL(file);
  try {
    await new Promise((resolve, reject) => {
      video.addEventListener('loadedmetadata', resolve, { once: true });
      video.addEventListener('error', () => reject(new Error(`the file does not play: ${video.error?.message}`)), { once: true });
    });
    const duration = video.duration;
    video.currentTime = Math.min(2, duration / 2);
    const seeked = await new Promise<boolean>((resolve) => {
      video.addEventListener('seeked', () => resolve(true), { once: true });
      video.addEventListener('error', () => resolve(false), { once: true });
    });
    return { duration, seeked };
  } finally {
    URL.revokeObjectURL(video.src);
  }
}

async function imageOf(blob: Blob): Promise<{ width: number; height: number }> {
  const bitmap = await createImageBitmap(blob);
  const size = { width: bitmap.width, height: bitmap.height };
  bitmap.close();
  return size;
}

describe('<rtc-room> recording, snapshots and picture-in-picture', function () {
  this.timeout(120_000);
  let server: { id: string; url: string };
  let ann: RtcRoom;
  let bob: RtcRoom;
  let box: HTMLDivElement;

  before(async () => {
    server = await executeServerCommand<{ id: string; url: string }, object>('rtc-server-start', { graceMs: 1000 });
    // Not a fixture: those are removed after each test, and the two rooms stay in the call for all of them.
    box = document.createElement('div');
    box.innerHTML = `<rtc-room server="${server.url}" room="rec-room" user-id="ann" user-name="Ann" autojoin style="display:block;width:640px;height:360px"></rtc-room>
      <rtc-room server="${server.url}" room="rec-room" user-id="bob" user-name="Bob" autojoin style="display:block;width:640px;height:360px"></rtc-room>`;
    document.body.append(box);
    [ann, bob] = [...box.querySelectorAll('rtc-room')] as [RtcRoom, RtcRoom];
    await waitUntil(() => ann.phase === 'joined' && bob.phase === 'joined', 'both joined', LONG);
    await waitUntil(() => ann.engine!.participants.get('bob')?.stream?.getVideoTracks().length, 'Ann receives Bob', LONG);
  });

  after(async () => {
    await Promise.all([ann?.leave(), bob?.leave()]);
    box?.remove();
    await executeServerCommand('rtc-server-stop', { id: server.id });
  });

  it('records four seconds that play with their duration and seek, while the other side is told', async () => {
    expect(bob.recording).to.equal(false);
    const told = oneEvent(bob, 'rtc-recording-change') as Promise<RtcRecordingChangeEvent>;
    await ann.startLocalRecording();
    const startedAt = performance.now();
    const fourSeconds = new Promise((resolve) => setTimeout(resolve, 4000));
    await ann.updateComplete;
    expect(ann.getAttribute('local-recording')).to.equal('recording');
    // What the others see is checked while it runs, not added to the four seconds.
    const seen = (async () => {
      expect((await told).detail).to.deep.equal({ recording: true, userIds: ['ann'] });
      await waitUntil(() => bob.hasAttribute('recording') && ann.recording, 'both rooms show that Ann records', LONG);
      await bob.updateComplete;
      expect(part(bob, 'recording-mark')!.getAttribute('aria-label')).to.equal('Recording: Ann');
      expect(part(bob, 'recording-notice')!.textContent).to.contain('Ann started recording the call');
      return performance.now();
    })();
    const sawItAt = await Promise.race([seen, fourSeconds.then(() => Infinity)]);
    expect(sawItAt, 'Bob was told while it ran').to.be.below(Infinity);
    await fourSeconds;
    const ended = oneEvent(ann, 'rtc-local-recording') as Promise<RtcLocalRecordingEvent>;
    const file = await ann.stopLocalRecording();
    const recordedMs = performance.now() - startedAt;
    const event = await ended;
    expect(event.detail.state).to.equal('inactive');
    expect(event.detail.file).to.equal(file);
    expect(event.detail.fileName).to.match(/^rec-room-\d{4}-\d\d-\d\d-\d{4}\.(webm|mp4)$/);
    expect(file.type).to.match(/^video\/(webm|mp4)$/);

    const { duration, seeked } = await playable(file);
    expect(Number.isFinite(duration), `duration ${duration}`).to.equal(true);
    expect(duration).to.be.within(3, 5);
    expect(Math.abs(duration * 1000 - recordedMs), 'the file lasts as long as the recording did').to.be.below(1000);
    expect(seeked, 'the file seeks').to.equal(true);

    await waitUntil(() => !bob.hasAttribute('recording'), 'Bob sees the recording end', LONG);
    expect(ann.hasAttribute('local-recording')).to.equal(false);
    await ann.updateComplete;
    const link = part(ann, 'recording-download') as HTMLAnchorElement;
    expect(link.download).to.equal(event.detail.fileName);
    expect(link.href).to.match(/^blob:/);
  });

  it('leaves the paused time out of the file', async () => {
    const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    const startedAt = performance.now();
    await ann.startLocalRecording();
    await wait(1000);
    ann.pauseLocalRecording();
    await ann.updateComplete;
    expect(ann.getAttribute('local-recording')).to.equal('paused');
    await wait(2000);
    ann.resumeLocalRecording();
    await ann.updateComplete;
    expect(ann.getAttribute('local-recording')).to.equal('recording');
    await wait(1000);
    const file = await ann.stopLocalRecording();
    const elapsedMs = performance.now() - startedAt;
    const { duration } = await playable(file);
    expect(Number.isFinite(duration), `duration ${duration}`).to.equal(true);
    expect(duration * 1000, 'two seconds recorded, not the pause').to.be.below(elapsedMs - 1500);
    expect(duration).to.be.above(1);
  });

  it('does not record a room it is not in, and says why', async () => {
    const lobby = await fixture<RtcRoom>(html`<rtc-room server=${server.url} room="rec-room" user-id="cat"></rtc-room>`);
    let error: unknown;
    await lobby.startLocalRecording().catch((e: unknown) => (error = e));
    expect(RtcError.is(error, 'not-joined')).to.equal(true);
    expect(lobby.hasAttribute('local-recording')).to.equal(false);
  });

  it('takes snapshots as PNG, JPEG and WebP that decode at the video\'s size, of itself and of someone else', async () => {
    for (const type of ['image/png', 'image/jpeg', 'image/webp'] as const) {
      for (const userId of ['ann', 'bob']) {
        const image = await ann.snapshot(userId, { type, quality: 0.8 });
        expect(image.type, `${userId} as ${type}`).to.equal(type);
        const { width, height } = await imageOf(image);
        expect(width).to.be.greaterThan(0);
        expect(height).to.be.greaterThan(0);
      }
    }
    const fromEngine = await ann.engine!.snapshot('bob', { type: 'image/jpeg' });
    expect(fromEngine.type).to.equal('image/jpeg');
  });

  it('refuses a snapshot format it cannot make, with a typed error', async () => {
    const errors: unknown[] = [];
    await ann.snapshot('bob', { type: 'image/gif' as 'image/png' }).catch((e: unknown) => errors.push(e));
    await ann.snapshot('bob', { type: 'image/jpeg', quality: 2 }).catch((e: unknown) => errors.push(e));
    await ann.engine!.snapshot('nobody').catch((e: unknown) => errors.push(e));
    expect(errors.map((e) => (e as RtcError).code)).to.deep.equal(['bad-message', 'bad-message', 'unknown-user']);
  });

  it('offers picture-in-picture from the More menu where the browser has it, and opens it on the main view', async () => {
    await ann.updateComplete;
    const bar = ann.shadowRoot!.querySelector('rtc-controls')!;
    await bar.updateComplete;
    bar.shadowRoot!.querySelector<HTMLButtonElement>('[part~="button-more"]')!.click();
    await bar.updateComplete;
    const items = [...bar.shadowRoot!.querySelectorAll<HTMLElement>('.more-menu [part~="menu-item"]')];
    const labels = items.map((item) => item.textContent!.trim());
    expect(labels, JSON.stringify(labels)).to.include('Record the call');
    const kind = pictureInPictureKind();
    if (!kind) {
      expect(labels).not.to.include('Picture in picture');
      let error: unknown;
      await ann.togglePictureInPicture().catch((e: unknown) => (error = e));
      expect(RtcError.is(error, 'unsupported')).to.equal(true);
      return;
    }
    // A real key press (the browser opens picture-in-picture only for a user gesture), on the focused menu item.
    const item = items.find((i) => i.textContent!.trim() === 'Picture in picture')!;
    item.focus();
    const opened = oneEvent(ann, 'rtc-picture-in-picture');
    await sendKeys({ press: 'Enter' });
    expect((await opened).detail.active).to.equal(true);
    expect(ann.hasAttribute('picture-in-picture')).to.equal(true);
    await ann.togglePictureInPicture();
    expect(ann.hasAttribute('picture-in-picture')).to.equal(false);
  });
});
