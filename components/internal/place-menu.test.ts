import { expect } from '@open-wc/testing';
import { followTrigger, placeMenu } from './place-menu.js';

/** A 40x30 trigger at (left, top) and a fixed 120x80 menu, inside `host` (which may move fixed boxes' origin). */
function setup(left: number, top: number, host: HTMLElement = document.body) {
  const trigger = Object.assign(document.createElement('button'), { textContent: 'open' });
  trigger.style.cssText = `position: fixed; left: ${left}px; top: ${top}px; width: 40px; height: 30px; margin: 0`;
  const menu = document.createElement('div');
  menu.style.cssText = 'position: fixed; width: 120px; height: 80px';
  host.append(trigger, menu);
  return { trigger, menu, box: () => menu.getBoundingClientRect(), anchor: () => trigger.getBoundingClientRect() };
}

describe('placeMenu', () => {
  afterEach(() => document.body.replaceChildren());

  it('opens above a bar button, centred on it, 8 px away', () => {
    const { trigger, menu, box, anchor } = setup(300, 400);
    placeMenu(trigger, menu, 'top');
    expect(box().bottom).to.equal(anchor().top - 8);
    expect(box().left + box().width / 2).to.equal(anchor().left + anchor().width / 2);
  });

  it('opens below with its end on the trigger\'s end for a panel menu', () => {
    const { trigger, menu, box, anchor } = setup(300, 100);
    placeMenu(trigger, menu, 'bottom-end');
    expect(box().top).to.equal(anchor().bottom + 8);
    expect(box().right).to.equal(anchor().right);
  });

  it('flips to the other side when the preferred one has no room, and stays inside the window', () => {
    const { trigger, menu, box } = setup(2, 10);
    placeMenu(trigger, menu, 'top');
    expect(box().top).to.equal(10 + 30 + 8);
    expect(box().left).to.equal(8);
  });

  it('lands where it should inside a transformed ancestor (which moves a fixed box\'s origin)', () => {
    const host = document.createElement('div');
    host.style.cssText = 'transform: translate(50px, 60px); position: absolute; left: 0; top: 0';
    document.body.append(host);
    const { trigger, menu, box, anchor } = setup(250, 340, host);
    placeMenu(trigger, menu, 'top');
    expect(box().bottom).to.equal(anchor().top - 8);
    expect(box().left + box().width / 2).to.equal(anchor().left + anchor().width / 2);
  });

  it('follows its trigger on a resize of the window until stopped', () => {
    const { trigger, menu, box, anchor } = setup(300, 400);
    const stop = followTrigger(trigger, menu, 'top');
    trigger.style.left = '200px';
    dispatchEvent(new Event('resize'));
    expect(box().left + box().width / 2).to.equal(anchor().left + anchor().width / 2);
    stop();
    trigger.style.left = '100px';
    dispatchEvent(new Event('resize'));
    expect(box().left + box().width / 2).to.equal(200 + 20);
  });
});
