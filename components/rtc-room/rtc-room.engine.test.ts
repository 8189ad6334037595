/**
 * The page talks to its call: `room.engine` on a room that runs its own engine, application data
 * as `rtc-data`, and the engine's other events re-dispatched by the room. Two rooms, each with its
 * own engine, on the real server (dev mode).
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { RtcClient } from '../../core/rtc-client.js';
import './rtc-room.js';
import type { RtcRoom } from './rtc-room.component.js';

const LONG = { timeout: 30_000 };

describe('<rtc-room> and the page', function () {
  this.timeout(120_000);
  let server: { id: string; url: string };
  let roomId: string;

  const room = (user: string) =>
    fixture<RtcRoom>(html`<rtc-room server=${server.url} room=${roomId} user-id=${user} user-name=${user} video="off" audio="off"
      autojoin style="width:480px;height:320px"></rtc-room>`);

  before(async () => {
    server = await executeServerCommand<{ id: string; url: string }, object>('rtc-server-start', { graceMs: 1000 });
  });

  beforeEach(() => {
    roomId = `page-${Math.random().toString(36).slice(2)}`;
  });

  after(async () => {
    await executeServerCommand('rtc-server-stop', { id: server.id });
  });

  it('hands its own engine to the page, and application data comes back as rtc-data', async () => {
    const alice = await room('alice');
    const bob = await room('bob');
    await waitUntil(() => alice.phase === 'joined' && bob.phase === 'joined', 'both joined', LONG);
    expect(alice.engine).to.be.instanceOf(RtcClient);
    expect(alice.engine!.state).to.equal('connected');
    expect(alice.engine!.self.userId).to.equal('alice');

    const everyone = oneEvent(bob, 'rtc-data');
    await alice.engine!.sendData({ slide: 3 });
    const heard = await everyone;
    expect(heard.detail).to.deep.equal({ from: 'alice', payload: { slide: 3 }, private: false });
    expect(heard.bubbles && heard.composed).to.be.true;

    const onlyBob = oneEvent(bob, 'rtc-data');
    await alice.engine!.sendData('psst', { to: ['bob'] });
    expect((await onlyBob).detail).to.deep.equal({ from: 'alice', payload: 'psst', private: true });
    await alice.leave();
    await bob.leave();
  });

  it('re-dispatches the engine\'s events: people coming and going, their updates, the device chosen', async () => {
    const alice = await room('alice');
    await waitUntil(() => alice.phase === 'joined', 'alice joined', LONG);
    const seen: Event[] = [];
    for (const type of ['rtc-participant-joined', 'rtc-participant-updated', 'rtc-participant-left', 'rtc-device-selected']) {
      document.body.addEventListener(type, (event) => seen.push(event));
    }
    const bob = await room('bob');
    await waitUntil(() => seen.some((e) => e.type === 'rtc-participant-joined'), 'bob arrived', LONG);
    const arrived = seen.find((e) => e.type === 'rtc-participant-joined') as CustomEvent;
    expect(arrived.target).to.equal(alice);
    expect(arrived.detail.participant.userId).to.equal('bob');

    await bob.engine!.raiseHand(true);
    await waitUntil(
      () => seen.some((e) => e.type === 'rtc-participant-updated' && (e as CustomEvent).detail.participant.handRaised),
      'the raised hand is an update', LONG,
    );

    const [microphone] = (await alice.engine!.listDevices()).microphones;
    await alice.engine!.selectDevice('microphone', microphone!.deviceId);
    await waitUntil(() => seen.some((e) => e.type === 'rtc-device-selected'), 'the device choice is announced', LONG);
    expect((seen.find((e) => e.type === 'rtc-device-selected') as CustomEvent).detail).to.deep.equal({ kind: 'microphone', deviceId: microphone!.deviceId });

    await bob.leave();
    await waitUntil(() => seen.some((e) => e.type === 'rtc-participant-left'), 'bob left', LONG);
    const gone = seen.find((e) => e.type === 'rtc-participant-left' && e.target === alice) as CustomEvent;
    expect(gone.detail).to.include({ reason: 'left' });
    expect(gone.detail.participant.userId).to.equal('bob');
    await alice.leave();
  });

  it('shows no engine before it is on the page, and the page\'s own engine when handed one', async () => {
    const detached = document.createElement('rtc-room');
    expect(detached.engine).to.be.undefined;
    const mine = new RtcClient({ server: server.url });
    detached.engine = mine;
    expect(detached.engine).to.equal(mine);
  });
});
