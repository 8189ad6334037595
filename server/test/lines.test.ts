/** Lines on the real server (Node, `ws`): user tokens from the dev endpoint, and that they join no room. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { RtcServer } from '../create-server.js';
import { signUserToken } from '../auth/tokens.js';
import { userClaimsFor } from '../auth/user-claims.js';
import { SECRET, TestClient, startServer, tokenFor } from './helpers.js';

describe('lines in dev mode', () => {
  let server: RtcServer;
  before(async () => {
    server = await startServer({ secret: undefined });
  });
  after(() => server.close());

  test('GET /api/token without a room hands out a user token: it opens a line and joins no room', async () => {
    const body = await (await fetch(`${server.url}/api/token?user=lilei&name=Li%20Lei`)).json() as { token: string; user: string; room?: string };
    assert.equal(body.user, 'lilei');
    assert.equal(body.room, undefined);
    const line = await TestClient.open(server);
    line.send({ type: 'line', token: body.token });
    assert.deepEqual(await line.next('line-ready'), { type: 'line-ready', userId: 'lilei', name: 'Li Lei' });
    line.close();

    const joining = await TestClient.open(server);
    joining.send({ type: 'join', room: 'lobby', token: body.token });
    const refused = await joining.next('error');
    assert.equal(refused.code, 'token-invalid');
    joining.close();
  });
});

describe('lines with a secret', () => {
  let server: RtcServer;
  before(async () => {
    server = await startServer({ secret: SECRET });
  });
  after(() => server.close());

  test('a join token opens no line (fatal token-invalid); a signed user token does, and a call between two lines rings', async () => {
    const wrong = await TestClient.open(server);
    wrong.send({ type: 'line', token: await tokenFor('lobby', 'ann') });
    const refused = await wrong.next('error');
    assert.deepEqual([refused.code, refused.fatal], ['token-invalid', true]);
    assert.equal((await wrong.closed).code, 4001);

    const open = async (user: string) => {
      const line = await TestClient.open(server);
      line.send({ type: 'line', token: await signUserToken(userClaimsFor({ user, ttlSeconds: 60 }), SECRET) });
      await line.next('line-ready');
      return line;
    };
    const ann = await open('ann');
    const bob = await open('bob');
    ann.send({ type: 'call', rid: 'c1', to: ['bob'] });
    const { callId } = await ann.next('ack');
    assert.equal((await bob.next('ring')).callId, callId);
    ann.close();
    bob.close();
  });
});
