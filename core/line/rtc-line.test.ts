/** Calls between lines through the real server on loopback, with Chromium's fake camera and microphone. */
import { expect } from '@open-wc/testing';
import { fetchDevToken } from '../dev-token.js';
import { RtcError } from '../errors.js';
import type { RtcClient } from '../rtc-client.js';
import { signToken, startServer, stopServer, type TestServer } from '../testing/call-fixture.js';
import { framesArrive, until } from '../testing/media-probes.js';
import { RtcLine, type CallStateChange, type IncomingCall } from './rtc-line.js';

/** A line that remembers what it was told. */
class TestLine extends RtcLine {
  readonly rings: IncomingCall[] = [];
  readonly states: CallStateChange[] = [];

  constructor(server: TestServer) {
    super({ server: server.url });
    this.on('incoming-call', (call) => this.rings.push(call));
    this.on('call-state', (change) => this.states.push(change));
  }

  statesOf(callId: string): string[] {
    return this.states.filter((s) => s.callId === callId).map((s) => (s.by ? `${s.state}:${s.by}` : s.state));
  }
}

async function lineFor(server: TestServer, user: string, name: string, token?: string): Promise<TestLine> {
  const line = new TestLine(server);
  await line.open(token ?? (await fetchDevToken(server.url, { user, name })));
  return line;
}

const userId = () => Math.random().toString(36).slice(2, 8);

describe('RtcLine: calls through the real server', function () {
  this.timeout(120_000);
  let server: TestServer;
  const lines: RtcLine[] = [];
  const clients: RtcClient[] = [];
  const ids = { ann: `ann-${userId()}`, bob: `bob-${userId()}`, cat: `cat-${userId()}`, dan: `dan-${userId()}` };
  let ann: TestLine;
  let bobPhone: TestLine;
  let bobLaptop: TestLine;

  before(async () => {
    server = await startServer();
    ann = await lineFor(server, ids.ann, 'Ann');
    bobPhone = await lineFor(server, ids.bob, 'Bob');
    bobLaptop = await lineFor(server, ids.bob, 'Bob');
    lines.push(ann, bobPhone, bobLaptop);
  });

  after(async () => {
    await Promise.all(clients.map((c) => c.leave()));
    lines.forEach((line) => line.close());
    if (server) await stopServer(server);
  });

  it('rings both of Bob\'s lines; he declines on one, both stop and Ann sees declined', async () => {
    const { callId } = await ann.call(ids.bob, { video: false, data: { topic: 'lunch' } });
    await until(() => bobPhone.rings.length === 1 && bobLaptop.rings.length === 1, 'both of bob\'s lines to ring');
    expect(bobPhone.rings[0]).to.include({ callId, video: false });
    expect(bobPhone.rings[0].from).to.deep.equal({ userId: ids.ann, name: 'Ann' });
    expect(bobPhone.rings[0].data).to.deep.equal({ topic: 'lunch' });

    await bobPhone.decline(callId);
    await until(() => ann.statesOf(callId).includes(`declined:${ids.bob}`), 'ann to see declined');
    await until(() => bobLaptop.statesOf(callId).includes(`declined:${ids.bob}`), 'the other line to stop');
    expect(ann.callState(callId)).to.equal(undefined, 'the call is over');
  });

  it('stops the ringing everywhere when Ann cancels', async () => {
    const { callId } = await ann.call(ids.bob);
    await until(() => bobLaptop.rings.some((r) => r.callId === callId), 'bob to ring');
    await ann.cancel(callId);
    for (const line of [bobPhone, bobLaptop]) await until(() => line.statesOf(callId).includes(`cancelled:${ids.ann}`), 'bob to stop ringing');
    expect(ann.statesOf(callId)).to.deep.equal(['ringing', `cancelled:${ids.ann}`]);
    const late = await bobPhone.accept(callId).catch((error: unknown) => error);
    expect(RtcError.is(late, 'not-allowed')).to.equal(true);
  });

  it('lets Bob accept on one line (the other gets answered-elsewhere); Ann and Bob land in one room and see each other', async () => {
    const { callId } = await ann.call(ids.bob);
    await until(() => bobLaptop.rings.some((r) => r.callId === callId) && bobPhone.rings.some((r) => r.callId === callId), 'both lines to ring');
    const room = await bobLaptop.accept(callId);
    await until(() => bobPhone.statesOf(callId).includes(`answered-elsewhere:${ids.bob}`), 'the phone to stop');
    await until(() => ann.statesOf(callId).includes(`accepted:${ids.bob}`), 'ann to hear accepted');
    const annAccepted = ann.states.find((s) => s.callId === callId && s.state === 'accepted')!;
    expect(annAccepted.roomId).to.equal(room.roomId);

    const bobClient = await bobLaptop.join(callId);
    const annClient = await ann.join(callId);
    clients.push(bobClient, annClient);
    expect(annClient.roomId).to.equal(room.roomId);
    await until(() => !!annClient.participants.get(ids.bob)?.stream && !!bobClient.participants.get(ids.ann)?.stream, 'both to get the other\'s stream');
    await framesArrive(annClient.participants.get(ids.bob)!.stream);
    await framesArrive(bobClient.participants.get(ids.ann)!.stream);
  });

  it('tells a third caller at once that Bob is busy in that call', async () => {
    const dan = await lineFor(server, ids.dan, 'Dan');
    lines.push(dan);
    const { callId } = await dan.call(ids.bob);
    await until(() => dan.statesOf(callId).includes(`busy:${ids.bob}`), 'dan to hear busy');
    expect(bobPhone.rings.some((r) => r.callId === callId)).to.equal(false);
  });

  it('brings Cat into that room when Ann invites her from inside it', async () => {
    const cat = await lineFor(server, ids.cat, 'Cat');
    lines.push(cat);
    const annClient = clients[1];
    const inviteStates: string[] = [];
    annClient.on('call-state', ({ state, by }) => inviteStates.push(by ? `${state}:${by}` : state));
    const { callId } = await annClient.invite(ids.cat);
    await until(() => cat.rings.some((r) => r.callId === callId), 'cat to ring');
    expect(cat.rings.at(-1)!.roomId).to.equal(annClient.roomId);
    await cat.accept(callId, { video: true });
    const catClient = await cat.join(callId);
    clients.push(catClient);
    expect(catClient.roomId).to.equal(annClient.roomId);
    await until(() => inviteStates.includes(`accepted:${ids.cat}`), 'ann to hear cat accepted');
    await until(() => !!catClient.participants.get(ids.ann)?.stream && !!catClient.participants.get(ids.bob)?.stream, 'cat to get both streams');
    await framesArrive(catClient.participants.get(ids.ann)!.stream);
  });

  it('rejects a call to someone with no line as offline, and a flood as rate-limited', async () => {
    const codes: string[] = [];
    for (let i = 0; i < 12; i++) {
      codes.push(await ann.call(`nobody-${i}`).then(() => 'placed', (error: RtcError) => error.code));
    }
    expect(codes[0]).to.equal('offline');
    expect(codes.at(-1)).to.equal('rate-limited');
    expect(codes).not.to.include('placed');
  });
});

describe('RtcLine: who may call whom', function () {
  this.timeout(60_000);
  const secret = 'a-test-secret-that-is-long-enough-0123456789';
  let server: TestServer;
  const lines: RtcLine[] = [];

  before(async () => {
    server = await startServer({ secret });
  });

  after(async () => {
    lines.forEach((line) => line.close());
    if (server) await stopServer(server);
  });

  it('refuses a call to someone the token does not list with not-allowed, online or not, and lets through the listed one', async () => {
    const exp = Math.floor(Date.now() / 1000) + 600;
    const open = async (sub: string, claims: object = {}) => {
      const line = await lineFor(server, sub, sub, await signToken(secret, { sub, name: sub, exp, ...claims }));
      lines.push(line);
      return line;
    };
    const agent = await open('agent', { callable: ['customer'] });
    const customer = await open('customer');
    await open('boss');
    const refused = await Promise.all(['boss', 'stranger'].map((to) => agent.call(to).catch((error: unknown) => error)));
    for (const error of refused) expect(RtcError.is(error, 'not-allowed'), String(error)).to.equal(true);
    const { callId } = await agent.call('customer');
    await until(() => customer.rings.some((r) => r.callId === callId), 'the listed callee to ring');

    // A join token is no user token.
    const joinToken = await signToken(secret, { room: 'r', sub: 'x', exp });
    const wrong = await new RtcLine({ server: server.url }).open(joinToken).catch((error: unknown) => error);
    expect(RtcError.is(wrong, 'token-invalid')).to.equal(true);
  });
});
