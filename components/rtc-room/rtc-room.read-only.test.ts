/** `<rtc-room>`'s reflected state is the room's own: a page that writes `phase`, `connection-state` or `fullscreen` changes nothing. */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import './rtc-room.js';
import type { RtcRoom } from './rtc-room.component.js';
import { LoopbackCall } from '../internal/testing/loopback-call.js';

const LONG = { timeout: 20_000 };
const lobby = (room: RtcRoom) => room.shadowRoot!.querySelector('[part~="lobby"]');
const grid = (room: RtcRoom) => room.shadowRoot!.querySelector('rtc-video-grid');

describe('<rtc-room> read-only state', function () {
  this.timeout(60_000);
  let call: LoopbackCall;

  beforeEach(() => {
    call = new LoopbackCall();
  });

  afterEach(async () => {
    await call.close();
  });

  it('a page setting `phase` in the lobby neither joins nor hides the lobby', async () => {
    const room = await fixture<RtcRoom>(html`<rtc-room style="width:800px;height:500px"></rtc-room>`);
    call.seat(room, call.person('alice'));
    await room.updateComplete;
    expect(lobby(room), 'the lobby shows').to.exist;

    (room as { phase: string }).phase = 'joined';
    await room.updateComplete;
    expect(room.phase).to.equal('lobby');
    expect(room.getAttribute('phase')).to.equal('lobby');
    expect(lobby(room), 'still the lobby').to.exist;
    expect(grid(room), 'no call view').to.not.exist;

    room.setAttribute('phase', 'joined');
    expect(room.getAttribute('phase'), 'the attribute edit is put back').to.equal('lobby');
    room.removeAttribute('phase');
    expect(room.getAttribute('phase'), 'a removed attribute comes back').to.equal('lobby');
    await room.updateComplete;
    expect(lobby(room)).to.exist;
  });

  it('in a call, writes to `phase`, `connection-state` and `fullscreen` leave the call as it is', async () => {
    const room = await fixture<RtcRoom>(html`<rtc-room style="width:800px;height:500px"></rtc-room>`);
    call.seat(room, call.person('alice'));
    await room.join();
    await waitUntil(() => room.phase === 'joined' && grid(room), 'joined', LONG);

    (room as { phase: string }).phase = 'left';
    (room as { connectionState: string }).connectionState = 'disconnected';
    (room as { fullscreen: boolean }).fullscreen = true;
    room.setAttribute('phase', 'left');
    room.setAttribute('connection-state', 'reconnecting');
    room.setAttribute('fullscreen', '');
    await room.updateComplete;

    expect(room.phase).to.equal('joined');
    expect(room.connectionState).to.equal('connected');
    expect(room.fullscreen).to.equal(false);
    expect(room.getAttribute('phase')).to.equal('joined');
    expect(room.getAttribute('connection-state')).to.equal('connected');
    expect(room.hasAttribute('fullscreen'), 'not in full screen').to.equal(false);
    expect(room.shadowRoot!.querySelector('[part~="left"]'), 'no "you left" page').to.not.exist;
    expect(grid(room), 'the call view stays').to.exist;

    await room.leave();
    await waitUntil(() => room.getAttribute('phase') === 'left', 'the room itself still moves its phase', LONG);
  });
});
