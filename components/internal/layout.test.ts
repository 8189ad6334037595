import { expect } from '@open-wc/testing';
import { gridShape, pageCount, pageItems, stableOrder, stage } from './layout.js';

describe('gridShape', () => {
  it('puts two people side by side in landscape and stacked in portrait', () => {
    expect(gridShape(2, 1280, 720)).to.include({ columns: 2, rows: 1 });
    expect(gridShape(2, 390, 760)).to.include({ columns: 1, rows: 2 });
  });

  it('grows the grid with the count on a desktop box', () => {
    const shapes = [1, 3, 4, 5, 9, 12].map((n) => gridShape(n, 1280, 720));
    expect(shapes.map((s) => `${s.columns}x${s.rows}`)).to.deep.equal(['1x1', '2x2', '2x2', '3x2', '3x3', '4x3']);
  });

  it('keeps the video aspect and fits inside the box, gaps included', () => {
    for (const [n, w, h] of [[1, 800, 800], [6, 1024, 600], [4, 390, 844], [16, 1920, 1080], [7, 500, 300]] as const) {
      const s = gridShape(n, w, h, { gap: 8 });
      expect(s.tileWidth / s.tileHeight).to.be.closeTo(16 / 9, 1e-9);
      expect(s.columns * s.tileWidth + (s.columns - 1) * 8).to.be.at.most(w + 1e-6);
      expect(s.rows * s.tileHeight + (s.rows - 1) * 8).to.be.at.most(h + 1e-6);
      expect(s.columns * s.rows).to.be.at.least(n);
      expect((s.columns - 1) * s.rows).to.be.below(n);
    }
  });

  it('honours another aspect', () => {
    const s = gridShape(1, 400, 400, { aspect: 4 / 3, gap: 0 });
    expect(s).to.include({ tileWidth: 400, tileHeight: 300 });
  });

  it('returns an empty shape for nothing to show or no room', () => {
    expect(gridShape(0, 500, 500).tileWidth).to.equal(0);
    expect(gridShape(3, 0, 500).tileWidth).to.equal(0);
  });
});

describe('stableOrder', () => {
  const none = new Map<string, number>();

  it('keeps places, closes gaps and appends newcomers', () => {
    const order = stableOrder(['me', 'a', 'b', 'c'], ['me', 'c', 'd', 'a'], { pageSize: 9, speakerId: null, lastSpoke: none, firstId: 'me' });
    expect(order).to.deep.equal(['me', 'a', 'c', 'd']);
  });

  it('keeps the local user first', () => {
    expect(stableOrder([], ['a', 'me', 'b'], { pageSize: 2, speakerId: null, lastSpoke: none, firstId: 'me' })).to.deep.equal(['me', 'a', 'b']);
  });

  it('swaps a speaker from a later page with the least recently active tile of the first page only', () => {
    const previous = ['me', 'a', 'b', 'c', 'd', 'e', 'f'];
    const lastSpoke = new Map([['a', 30], ['b', 10], ['c', 20]]);
    const order = stableOrder(previous, previous, { pageSize: 4, speakerId: 'f', lastSpoke, firstId: 'me' });
    expect(order).to.deep.equal(['me', 'a', 'f', 'c', 'd', 'e', 'b']);
    // Second page: only the swapped slot changed.
    expect(pageItems(order, 1, 4)).to.deep.equal(['d', 'e', 'b']);
  });

  it('moves nobody when the speaker is already on the first page', () => {
    const previous = ['me', 'a', 'b', 'c', 'd'];
    expect(stableOrder(previous, previous, { pageSize: 3, speakerId: 'b', lastSpoke: none, firstId: 'me' })).to.deep.equal(previous);
  });

  it('never swaps out the local user', () => {
    const order = stableOrder(['me', 'a', 'b'], ['me', 'a', 'b'], { pageSize: 2, speakerId: 'b', lastSpoke: new Map([['a', 5]]), firstId: 'me' });
    expect(order).to.deep.equal(['me', 'b', 'a']);
  });
});

describe('pages', () => {
  it('counts and slices pages, clamping past the end', () => {
    expect(pageCount(0, 4)).to.equal(1);
    expect(pageCount(9, 4)).to.equal(3);
    expect(pageItems([1, 2, 3, 4, 5], 1, 2)).to.deep.equal([3, 4]);
    expect(pageItems([1, 2, 3, 4, 5], 7, 2)).to.deep.equal([5]);
    expect(pageItems([1, 2, 3], 0, 0)).to.deep.equal([1, 2, 3]);
  });
});

describe('stage', () => {
  const base = { ids: ['me', 'a', 'b'], localId: 'me', pinnedId: null, screenSharerId: null, activeSpeakerId: null, previousId: null };

  it('prefers a pin, then a screen share, then the remote active speaker', () => {
    expect(stage({ ...base, pinnedId: 'b', screenSharerId: 'a' })).to.deep.equal({ userId: 'b', screen: false });
    expect(stage({ ...base, pinnedId: 'a', screenSharerId: 'a' })).to.deep.equal({ userId: 'a', screen: true });
    expect(stage({ ...base, screenSharerId: 'me', activeSpeakerId: 'b' })).to.deep.equal({ userId: 'me', screen: true });
    expect(stage({ ...base, activeSpeakerId: 'b' })).to.deep.equal({ userId: 'b', screen: false });
  });

  it('keeps the previous person while the local user speaks, and falls back to the first remote one', () => {
    expect(stage({ ...base, activeSpeakerId: 'me', previousId: 'b' })).to.deep.equal({ userId: 'b', screen: false });
    expect(stage({ ...base, activeSpeakerId: 'me', previousId: 'me' })).to.deep.equal({ userId: 'a', screen: false });
    expect(stage({ ...base, pinnedId: 'gone' })).to.deep.equal({ userId: 'a', screen: false });
  });

  it('shows the local user when alone, and nobody in an empty room', () => {
    expect(stage({ ...base, ids: ['me'] })).to.deep.equal({ userId: 'me', screen: false });
    expect(stage({ ...base, ids: [], localId: null })).to.deep.equal({ userId: null, screen: false });
  });
});
