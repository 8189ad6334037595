/** The tab title while a call rings: it alternates with the call, and the page's title comes back. */
import { expect } from '@open-wc/testing';
import { ManualClock } from '../internal/testing/manual-clock.js';
import { TitleFlash } from './title-flash.js';

describe('TitleFlash', () => {
  let saved: string;
  beforeEach(() => {
    saved = document.title;
    document.title = 'Inbox';
  });
  afterEach(() => {
    document.title = saved;
  });

  it('alternates the call with the page\'s title every second, and gives the title back', () => {
    const clock = new ManualClock();
    const flash = new TitleFlash(() => clock);
    flash.start('📞 Li Lei is calling…');
    expect(document.title).to.equal('📞 Li Lei is calling…');
    clock.advance(1000);
    expect(document.title).to.equal('Inbox');
    clock.advance(1000);
    expect(document.title).to.equal('📞 Li Lei is calling…');
    flash.stop();
    expect(document.title).to.equal('Inbox');
    clock.advance(5000);
    expect(document.title).to.equal('Inbox', 'no flashing after stop');
  });

  it('keeps a title the page set while it flashed', () => {
    const clock = new ManualClock();
    const flash = new TitleFlash(() => clock);
    flash.start('📞 Li Lei is calling…');
    clock.advance(1000);
    document.title = 'Inbox (1)';
    clock.advance(1000);
    expect(document.title).to.equal('📞 Li Lei is calling…');
    clock.advance(1000);
    expect(document.title).to.equal('Inbox (1)');
    flash.stop();
    expect(document.title).to.equal('Inbox (1)');
  });
});
