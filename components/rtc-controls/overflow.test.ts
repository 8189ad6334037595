import { expect } from '@open-wc/testing';
import { keptCount } from './overflow.js';

describe('keptCount', () => {
  // Microphone and camera with their arrows, hang up; 44 px buttons 4 px apart.
  const bar = { gap: 4, pinned: [66, 66, 44], movable: [44, 44, 44, 44, 44], more: 44 };

  it('keeps everything when everything fits, without a More button', () => {
    // 176 pinned + 5 × 44 + 7 gaps of 4 = 424.
    expect(keptCount({ ...bar, available: 424 })).to.equal(5);
    expect(keptCount({ ...bar, available: 1000 })).to.equal(5);
  });

  it('keeps the first ones that fit beside the More button, one pixel short already counts', () => {
    expect(keptCount({ ...bar, available: 423 })).to.equal(3); // 4 kept + More would need 424 too
    expect(keptCount({ ...bar, available: 328 })).to.equal(2); // 176 + 2 × 44 + More 44 + 5 gaps
    expect(keptCount({ ...bar, available: 327 })).to.equal(1);
  });

  it('keeps none when only the pinned ones and More fit, or not even those', () => {
    expect(keptCount({ ...bar, available: 232 })).to.equal(0);
    expect(keptCount({ ...bar, available: 100 })).to.equal(0);
    expect(keptCount({ ...bar, movable: [], available: 100 })).to.equal(0);
  });

  it('counts each item at its own width', () => {
    expect(keptCount({ gap: 0, pinned: [], movable: [10, 100, 10], more: 10, available: 35 })).to.equal(1);
    expect(keptCount({ gap: 0, pinned: [], movable: [10, 100, 10], more: 10, available: 120 })).to.equal(3);
  });

  it('makes room for a More button that is always there (menu-only actions), counted once', () => {
    // 176 pinned + 5 × 44 + More 44 + 8 gaps of 4 = 472.
    expect(keptCount({ ...bar, moreAlways: true, available: 472 })).to.equal(5);
    expect(keptCount({ ...bar, moreAlways: true, available: 471 })).to.equal(4);
    expect(keptCount({ ...bar, moreAlways: true, available: 328 })).to.equal(2);
  });
});
