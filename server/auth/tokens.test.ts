import { createHmac } from 'node:crypto';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SignJWT } from 'jose';
import { claimsFor } from './claims.js';
import { signToken, verifyToken } from './tokens.js';

const SECRET = 'a-secret-that-is-long-enough-for-the-tests';
const key = new TextEncoder().encode(SECRET);
const inAnHour = () => Math.floor(Date.now() / 1000) + 3600;
const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

async function refusal(token: string): Promise<string> {
  try {
    await verifyToken(token, SECRET);
  } catch (error) {
    return (error as { code: string }).code;
  }
  assert.fail('the token was accepted');
}

test('a token signed with the secret comes back with its claims', async () => {
  const token = await signToken(claimsFor({ room: 'demo', user: 'alice', name: 'Alice', role: 'host', ttlSeconds: 60 }), SECRET);
  const claims = await verifyToken(token, SECRET);
  assert.equal(claims.room, 'demo');
  assert.equal(claims.sub, 'alice');
  assert.equal(claims.name, 'Alice');
  assert.equal(claims.role, 'host');
  assert.ok(claims.exp > Date.now() / 1000);
});

test('forged tokens are token-invalid: wrong secret, alg none, tampered payload, other algorithms', async () => {
  const claims = { room: 'demo', sub: 'alice', exp: inAnHour() };
  assert.equal(await refusal(await signToken(claims, 'some-other-secret-of-a-decent-length')), 'token-invalid');

  assert.equal(await refusal(`${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(claims)}.`), 'token-invalid');

  const [header, , signature] = (await signToken(claims, SECRET)).split('.');
  assert.equal(await refusal(`${header}.${base64url({ ...claims, role: 'host' })}.${signature}`), 'token-invalid');

  const hs512 = await new SignJWT({ room: 'demo' }).setProtectedHeader({ alg: 'HS512' }).setSubject('alice').setExpirationTime(inAnHour()).sign(key);
  assert.equal(await refusal(hs512), 'token-invalid');

  assert.equal(await refusal('not.a.jwt'), 'token-invalid');
  assert.equal(await refusal(''), 'token-invalid');
});

test('an expired token is token-expired; one without exp is token-invalid', async () => {
  const expired = await new SignJWT({ room: 'demo' }).setProtectedHeader({ alg: 'HS256' }).setSubject('alice').setExpirationTime(Math.floor(Date.now() / 1000) - 10).sign(key);
  assert.equal(await refusal(expired), 'token-expired');
  const forever = await new SignJWT({ room: 'demo' }).setProtectedHeader({ alg: 'HS256' }).setSubject('alice').sign(key);
  assert.equal(await refusal(forever), 'token-invalid');
});

test('claims are validated: ids, role, name length; invisible characters are stripped from names', async () => {
  const sign = (payload: Record<string, unknown>) =>
    new SignJWT(payload).setProtectedHeader({ alg: 'HS256' }).setExpirationTime(inAnHour()).sign(key);
  assert.equal(await refusal(await sign({ room: 'demo', sub: 'has space' })), 'token-invalid');
  assert.equal(await refusal(await sign({ room: '../etc', sub: 'alice' })), 'token-invalid');
  assert.equal(await refusal(await sign({ room: 'demo' })), 'token-invalid');
  assert.equal(await refusal(await sign({ room: 'demo', sub: 'alice', role: 'admin' })), 'token-invalid');
  assert.equal(await refusal(await sign({ room: 'demo', sub: 'alice', name: 'x'.repeat(65) })), 'token-invalid');

  const creator = await verifyToken(await sign({ room: '*', sub: 'alice' }), SECRET);
  assert.equal(creator.room, '*');
  const named = await verifyToken(await sign({ room: 'demo', sub: 'alice', name: ' Al\u0000ice\u202e\n ' }), SECRET);
  assert.equal(named.name, 'Alice');
  const blank = await verifyToken(await sign({ room: 'demo', sub: 'alice', name: '\u200b' }), SECRET);
  assert.equal(blank.name, undefined);
});

test('signToken refuses claims the server would refuse', async () => {
  await assert.rejects(signToken({ room: 'demo', sub: 'not ok', exp: inAnHour() }, SECRET), { code: 'token-invalid' });
});

test('an instance claim comes back; a "*" token with one is refused', async () => {
  const bound = await verifyToken(await signToken(claimsFor({ room: 'demo', user: 'alice', role: 'host', instance: 'abc123', ttlSeconds: 60 }), SECRET), SECRET);
  assert.equal(bound.instance, 'abc123');
  const plain = await verifyToken(await signToken(claimsFor({ room: 'demo', user: 'alice', ttlSeconds: 60 }), SECRET), SECRET);
  assert.equal('instance' in plain, false);
  const sign = (payload: Record<string, unknown>) =>
    new SignJWT(payload).setProtectedHeader({ alg: 'HS256' }).setSubject('alice').setExpirationTime(inAnHour()).sign(key);
  assert.equal(await refusal(await sign({ room: '*', instance: 'abc123' })), 'token-invalid');
  assert.equal(await refusal(await sign({ room: 'demo', instance: '../x' })), 'token-invalid');
});

/** Signs any header and payload, including ones jose would not produce. */
function signRaw(header: unknown, payload: unknown): string {
  const input = `${base64url(header)}.${base64url(payload)}`;
  return `${input}.${createHmac('sha256', SECRET).update(input).digest('base64url')}`;
}

test('a crit header, another algorithm, a non-object payload or a future nbf are token-invalid', async () => {
  const claims = { room: 'demo', sub: 'alice', exp: inAnHour() };
  assert.equal((await verifyToken(signRaw({ alg: 'HS256' }, claims), SECRET)).sub, 'alice');
  assert.equal(await refusal(signRaw({ alg: 'HS256', crit: ['exp'] }, claims)), 'token-invalid');
  assert.equal(await refusal(signRaw({ alg: 'HS512' }, claims)), 'token-invalid');
  assert.equal(await refusal(signRaw({ alg: 'HS256' }, [claims])), 'token-invalid');

  assert.equal(await refusal(signRaw({ alg: 'HS256' }, { ...claims, nbf: inAnHour() })), 'token-invalid');
  assert.equal(await refusal(signRaw({ alg: 'HS256' }, { ...claims, nbf: 'now' })), 'token-invalid');
  assert.equal((await verifyToken(signRaw({ alg: 'HS256' }, { ...claims, nbf: Math.floor(Date.now() / 1000) - 1 }), SECRET)).sub, 'alice');
});
