import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import './rtc-video-grid.js';
import type { RtcVideoGrid } from './rtc-video-grid.component.js';
import type { RtcVideoTile } from '../rtc-video-tile/rtc-video-tile.component.js';
import type { Participant } from '../../core/types.js';
import type { RoomCommands } from '../context/room-commands-context.js';
import { canvasStream, fakeParticipant, stopFakeMedia } from '../internal/testing/fake-media.js';
import { provideRoom, roomSnapshot } from '../internal/testing/room-provider.js';

function people(count: number): Participant[] {
  return Array.from({ length: count }, (_, i) =>
    fakeParticipant(i === 0 ? 'me' : `p${i}`, { local: i === 0, stream: i < 4 ? undefined : null, media: { audio: true, video: i < 4, screen: false } }),
  );
}

const tiles = (grid: RtcVideoGrid) => [...grid.shadowRoot!.querySelectorAll<RtcVideoTile>('rtc-video-tile')];
const rects = (grid: RtcVideoGrid) => tiles(grid).map((t) => t.getBoundingClientRect());

async function mount(width: number, height: number, participants: Participant[], attrs = '') {
  const container = await fixture<HTMLDivElement>(html`<div style="width:${width}px;height:${height}px"></div>`);
  container.innerHTML = `<rtc-video-grid style="width:100%;height:100%" ${attrs}></rtc-video-grid>`;
  const grid = container.firstElementChild as RtcVideoGrid;
  grid.participants = participants;
  await waitUntil(() => tiles(grid).length > 0 && tiles(grid)[0]!.getBoundingClientRect().width > 0, 'tiles laid out');
  return grid;
}

/** Columns and rows, from where the tiles are. */
function shape(grid: RtcVideoGrid) {
  const r = rects(grid);
  return { columns: new Set(r.map((b) => Math.round(b.left))).size, rows: new Set(r.map((b) => Math.round(b.top))).size };
}

describe('<rtc-video-grid>', () => {
  afterEach(stopFakeMedia);

  it('picks columns and rows from the count and the box, keeping 16:9 tiles inside it', async () => {
    const cases: [number, number, number, { columns: number; rows: number }][] = [
      [1, 800, 450, { columns: 1, rows: 1 }],
      [2, 800, 450, { columns: 2, rows: 1 }],
      [2, 360, 640, { columns: 1, rows: 2 }],
      [4, 800, 450, { columns: 2, rows: 2 }],
      [6, 1200, 600, { columns: 3, rows: 2 }],
      [3, 360, 740, { columns: 1, rows: 3 }],
    ];
    for (const [count, width, height, expected] of cases) {
      const grid = await mount(width, height, people(count));
      expect(shape(grid), `${count} in ${width}x${height}`).to.deep.equal(expected);
      const box = grid.getBoundingClientRect();
      for (const r of rects(grid)) {
        expect(r.width / r.height).to.be.closeTo(16 / 9, 0.02);
        expect(r.left).to.be.at.least(box.left - 0.5);
        expect(r.bottom).to.be.at.most(box.bottom + 0.5);
      }
      expect(grid.getAttribute('view')).to.equal('grid');
    }
  });

  it('follows its box when it resizes', async () => {
    const grid = await mount(800, 450, people(2));
    expect(shape(grid)).to.deep.equal({ columns: 2, rows: 1 });
    grid.parentElement!.style.cssText = 'width:360px;height:700px';
    await waitUntil(() => shape(grid).columns === 1, 'restacked for portrait');
    expect(shape(grid).rows).to.equal(2);
  });

  it('pages past max-tiles with keyboard-operable, labelled buttons', async () => {
    const grid = await mount(1000, 600, people(14), 'max-tiles="6"');
    expect(tiles(grid)).to.have.length(6);
    const pager = grid.shadowRoot!.querySelector('[part~="pager"]')!;
    expect(pager.textContent).to.contain('Page 1 of 3');
    const [previous, next] = [...pager.querySelectorAll('button')];
    expect(previous!.disabled).to.be.true;
    expect(next!.getAttribute('aria-label')).to.equal('Next page');
    next!.click();
    await grid.updateComplete;
    expect(tiles(grid).map((t) => t.userId)).to.deep.equal(['p6', 'p7', 'p8', 'p9', 'p10', 'p11']);
    grid.lang = 'zh-CN';
    await grid.updateComplete;
    expect(grid.shadowRoot!.querySelector('[part~="pager"]')!.textContent).to.contain('第 2 页，共 3 页');
  });

  it('paginates sooner on a phone so tiles stay readable', async () => {
    const grid = await mount(360, 640, people(20), 'max-tiles="25"');
    expect(tiles(grid).length).to.be.within(2, 19);
    expect(grid.shadowRoot!.querySelector('[part~="pager"]')).to.exist;
    for (const r of rects(grid)) expect(r.width).to.be.at.least(150);
  });

  it('keeps the watched page still when someone speaks, swapping a later-page speaker onto page one only', async () => {
    const host = await fixture<HTMLDivElement>(html`<div style="width:1000px;height:600px"></div>`);
    const all = people(9);
    const room = provideRoom(host, roomSnapshot(all));
    host.innerHTML = '<rtc-video-grid max-tiles="4" style="width:100%;height:100%"></rtc-video-grid>';
    const grid = host.firstElementChild as RtcVideoGrid;
    await waitUntil(() => tiles(grid).length === 4);
    expect(tiles(grid).map((t) => t.userId)).to.deep.equal(['me', 'p1', 'p2', 'p3']);
    // Someone on page 1 speaks: nothing moves.
    room.update(roomSnapshot(all, { activeSpeakerId: 'p2' }));
    await grid.updateComplete;
    expect(tiles(grid).map((t) => t.userId)).to.deep.equal(['me', 'p1', 'p2', 'p3']);
    // Someone on page 3 speaks: they take the place of the least recently active person on page 1.
    room.update(roomSnapshot(all, { activeSpeakerId: 'p8' }));
    await grid.updateComplete;
    expect(tiles(grid).map((t) => t.userId)).to.deep.equal(['me', 'p8', 'p2', 'p3']);
  });

  it('shows the main person large with the others in a strip', async () => {
    const host = await fixture<HTMLDivElement>(html`<div style="width:900px;height:600px"></div>`);
    const all = people(4);
    const room = provideRoom(host, roomSnapshot(all, { layout: 'speaker', mainUserId: 'p2' }));
    host.innerHTML = '<rtc-video-grid style="width:100%;height:100%"></rtc-video-grid>';
    const grid = host.firstElementChild as RtcVideoGrid;
    await waitUntil(() => tiles(grid).length === 4);
    expect(grid.getAttribute('view')).to.equal('stage');
    const stageTile = () => grid.shadowRoot!.querySelector<RtcVideoTile>('[part~="stage"] rtc-video-tile')!;
    expect(stageTile().userId).to.equal('p2');
    const strip = [...grid.shadowRoot!.querySelectorAll<RtcVideoTile>('[part~="strip"] rtc-video-tile')];
    expect(strip.map((t) => t.userId)).to.deep.equal(['me', 'p1', 'p3']);
    expect(stageTile().getBoundingClientRect().height).to.be.greaterThan(strip[0]!.getBoundingClientRect().height * 2);
    room.update(roomSnapshot(all, { layout: 'speaker', mainUserId: 'p3' }));
    await grid.updateComplete;
    expect(stageTile().userId).to.equal('p3');
    room.update(roomSnapshot(all, { layout: 'grid', mainUserId: 'p3' }));
    await grid.updateComplete;
    expect(grid.getAttribute('view')).to.equal('grid');
  });

  it('puts a shared screen on the stage by itself, uncropped, with the presenter still in the strip', async () => {
    const all = people(3);
    all[2] = { ...all[2]!, media: { ...all[2]!.media, screen: true }, screenStream: canvasStream({ hue: 20, width: 640, height: 400 }) };
    const grid = await mount(900, 600, all);
    expect(grid.getAttribute('view')).to.equal('stage');
    const stageTile = grid.shadowRoot!.querySelector<RtcVideoTile>('[part~="stage"] rtc-video-tile')!;
    expect(stageTile.screen).to.be.true;
    expect(stageTile.userId).to.equal('p2');
    const strip = [...grid.shadowRoot!.querySelectorAll<RtcVideoTile>('[part~="strip"] rtc-video-tile')];
    expect(strip.map((t) => t.userId)).to.deep.equal(['me', 'p1', 'p2']);
  });

  it('pins and unpins from the tile button when standing alone', async () => {
    const grid = await mount(900, 600, people(3));
    const pin = (id: string) =>
      tiles(grid).find((t) => t.userId === id)!.shadowRoot!.querySelector<HTMLButtonElement>('[part~="pin-button"]')!;
    pin('p1').click();
    await waitUntil(() => grid.getAttribute('view') === 'stage');
    const stageTile = () => grid.shadowRoot!.querySelector<RtcVideoTile>('[part~="stage"] rtc-video-tile')!;
    expect(stageTile().userId).to.equal('p1');
    expect(stageTile().pinned).to.be.true;
    await stageTile().updateComplete;
    stageTile().shadowRoot!.querySelector<HTMLButtonElement>('[part~="pin-button"]')!.click();
    await waitUntil(() => grid.getAttribute('view') === 'grid');
  });

  it('asks the room to pin when inside one', async () => {
    const host = await fixture<HTMLDivElement>(html`<div style="width:900px;height:600px"></div>`);
    const pins: (string | null)[] = [];
    const commands = { pin: (id: string | null) => pins.push(id) } as unknown as RoomCommands;
    provideRoom(host, roomSnapshot(people(3)), commands);
    host.innerHTML = '<rtc-video-grid style="width:100%;height:100%"></rtc-video-grid>';
    const grid = host.firstElementChild as RtcVideoGrid;
    await waitUntil(() => tiles(grid).length === 3);
    const tile = tiles(grid)[2]!;
    await tile.updateComplete;
    tile.shadowRoot!.querySelector<HTMLButtonElement>('[part~="pin-button"]')!.click();
    expect(pins).to.deep.equal(['p2']);
  });

  it('is accessible in grid and speaker views', async () => {
    const grid = await mount(900, 500, people(8), 'max-tiles="4"');
    await expect(grid).to.be.accessible();
    grid.layout = 'speaker';
    await grid.updateComplete;
    await expect(grid).to.be.accessible();
  });
});
