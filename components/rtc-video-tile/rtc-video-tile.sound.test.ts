/**
 * Per-person sound from the tile's menu, in three rooms through the real server: what one person
 * chooses changes what plays for them alone; the person themselves and everyone else hear no change.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import '../rtc-room/rtc-room.js';
import type { RtcRoom } from '../rtc-room/rtc-room.component.js';
import type { RtcVideoTile } from './rtc-video-tile.component.js';

const LONG = { timeout: 30_000 };

const tile = (room: RtcRoom, userId: string) =>
  [...(room.shadowRoot!.querySelector('rtc-video-grid')?.shadowRoot?.querySelectorAll<RtcVideoTile>('rtc-video-tile') ?? [])]
    .find((t) => t.userId === userId && !t.screen);
/** The `<audio>` the room plays someone through: what the user hears of them. */
const sound = (room: RtcRoom, userId: string) => room.shadowRoot!.querySelector<HTMLAudioElement>(`audio[data-user-id="${userId}"]`);
const part = (t: RtcVideoTile, name: string) => t.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const items = (t: RtcVideoTile) => [...t.shadowRoot!.querySelectorAll<HTMLElement>('[part~="menu"] [part~="menu-item"]')];
const focused = (t: RtcVideoTile) => t.shadowRoot!.activeElement as HTMLElement | null;

async function openMenu(t: RtcVideoTile): Promise<void> {
  part(t, 'menu-button')!.focus();
  await sendKeys({ press: 'Enter' });
  await waitUntil(() => items(t).includes(focused(t)!), 'focus moves into the menu', LONG);
}

describe('<rtc-video-tile> per-person sound, through the server', function () {
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

  async function seat(userId: string, lang = 'en'): Promise<RtcRoom> {
    const room = await fixture<RtcRoom>(html`<rtc-room server=${server.url} room="sound" user-id=${userId} user-name=${userId}
      lang=${lang} video="off" autojoin style="width:720px;height:420px"></rtc-room>`);
    rooms.push(room);
    await waitUntil(() => room.phase === 'joined', `${userId} joined`, LONG);
    return room;
  }

  it('mutes someone and sets their volume for me alone, by keyboard; they and the others hear no change', async () => {
    const ann = await seat('ann');
    const bob = await seat('bob');
    const cara = await seat('cara', 'zh-CN');
    await waitUntil(() => sound(ann, 'bob') && sound(cara, 'bob') && sound(bob, 'ann') && tile(ann, 'bob'), 'everyone hears everyone', LONG);
    const bobsTile = tile(ann, 'bob')!;
    expect(part(bobsTile, 'menu-button')!.getAttribute('aria-label')).to.equal('Options for bob');
    const ownTile = tile(ann, 'ann')!;
    await openMenu(ownTile);
    expect(items(ownTile).map((item) => item.textContent!.trim()), 'no sound to shape on my own tile').to.deep.equal(['Show statistics']);
    await sendKeys({ press: 'Escape' });

    await openMenu(bobsTile);
    expect(part(bobsTile, 'menu-button')!.getAttribute('aria-expanded')).to.equal('true');
    expect(getComputedStyle(part(bobsTile, 'menu')!).position, 'the menu pops up over the page, styled (its look loads with it)').to.equal('fixed');
    await expect(bobsTile).to.be.accessible();
    expect(items(bobsTile).map((item) => item.textContent!.trim())).to.deep.equal(['Mute for me', '10%', '25%', '50%', '75%', '100%', 'Show statistics']);
    await sendKeys({ press: 'Home' });
    const muted = oneEvent(ann, 'rtc-volume-change');
    await sendKeys({ press: 'Enter' });
    expect((await muted).detail).to.deep.equal({ userId: 'bob', volume: 1, muted: true });
    await waitUntil(() => sound(ann, 'bob')!.muted, 'Ann no longer hears Bob', LONG);
    expect(focused(bobsTile), 'focus back on the menu button').to.equal(part(bobsTile, 'menu-button'));
    await waitUntil(() => bobsTile.hasAttribute('locally-muted'), 'the tile says so', LONG);
    expect(part(bobsTile, 'sound-muted')).to.exist;
    expect(part(bobsTile, 'base')!.getAttribute('aria-label')).to.contain('Muted for you');

    // Nothing reached anyone else: Bob still sends, Cara still hears him, nobody sees him muted.
    expect(bob.engine!.self.media.audio).to.be.true;
    expect(bob.engine!.self.stream!.getAudioTracks()[0]!.enabled).to.be.true;
    expect(bobsTile.audioMuted, 'Ann does not see Bob as muted').to.be.false;
    expect(sound(cara, 'bob')!.muted).to.be.false;
    expect(sound(cara, 'bob')!.volume).to.equal(1);
    expect(sound(bob, 'ann')!.muted).to.be.false;
    expect(sound(ann, 'cara')!.muted, 'Ann still hears Cara').to.be.false;

    // A volume step unmutes and plays Bob at a quarter, for Ann only.
    await openMenu(bobsTile);
    await sendKeys({ press: 'Home' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    expect(focused(bobsTile)!.textContent!.trim()).to.equal('25%');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => sound(ann, 'bob')!.volume === 0.25 && !sound(ann, 'bob')!.muted, 'Bob plays at 25% for Ann', LONG);
    expect(bobsTile.locallyMuted).to.be.false;
    expect(bobsTile.getAttribute('volume')).to.equal('0.25');
    expect(part(bobsTile, 'base')!.getAttribute('aria-label')).to.contain('Volume 25%');
    expect(sound(cara, 'bob')!.volume, 'Cara hears Bob at full').to.equal(1);

    // Show statistics toggles the overlay on this tile.
    await openMenu(bobsTile);
    await sendKeys({ press: 'End' });
    expect(focused(bobsTile)!.getAttribute('aria-checked')).to.equal('false');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => bobsTile.showStats && part(bobsTile, 'stats'), 'the overlay shows', LONG);
    expect(bobsTile.hasAttribute('show-stats')).to.be.true;
    expect(sound(ann, 'bob')!.volume, 'the sound stays as chosen').to.equal(0.25);

    // The room's methods do the same from script; a volume out of range is a typed error.
    ann.setUserVolume('bob', 1);
    ann.muteUserLocally('cara', true);
    await waitUntil(() => sound(ann, 'bob')!.volume === 1 && sound(ann, 'cara')!.muted, 'set from script', LONG);
    expect(() => ann.setUserVolume('bob', 2)).to.throw().with.property('code', 'bad-message');
    ann.muteUserLocally('cara', false);

    // Escape closes the menu; in Chinese the menu speaks Chinese.
    await openMenu(bobsTile);
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !part(bobsTile, 'menu'), 'Escape closes', LONG);
    const annForCara = tile(cara, 'ann')!;
    expect(part(annForCara, 'menu-button')!.getAttribute('aria-label')).to.equal('ann 的选项');
    await openMenu(annForCara);
    expect(items(annForCara)[0]!.textContent!.trim()).to.equal('仅对我静音');
    expect(items(annForCara).at(-1)!.textContent!.trim()).to.equal('显示统计信息');
    expect(part(annForCara, 'menu')!.querySelector('[role="group"]')!.getAttribute('aria-labelledby')).to.equal('volume-heading');
    expect(part(annForCara, 'menu')!.querySelector('#volume-heading')!.textContent).to.equal('我听到的音量');
    await expect(annForCara).to.be.accessible();
    await sendKeys({ press: 'Escape' });

    // The next call starts at full sound for everyone.
    ann.muteUserLocally('bob', true);
    await ann.leave();
    await waitUntil(() => ann.phase === 'left', 'Ann left', LONG);
    await ann.join();
    await waitUntil(() => sound(ann, 'bob'), 'Ann hears Bob again', LONG);
    await ann.updateComplete;
    expect(sound(ann, 'bob')!.muted).to.be.false;
  });
});
