import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RtcError } from '../errors.js';
import { readTokenClaims } from './token-claims.js';

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('readTokenClaims', () => {
  it('reads the room, user and role of a JWT without verifying it', () => {
    const claims = { room: 'demo', sub: 'ana', name: 'Ána 李', role: 'host', exp: 2_000_000_000 };
    const jwt = `${b64url({ alg: 'HS256', typ: 'JWT' })}.${b64url(claims)}.c2lnbmF0dXJl`;
    assert.deepEqual(readTokenClaims(jwt), claims);
  });

  it('reads the bare claims of an in-page loopback token', () => {
    assert.equal(readTokenClaims(b64url({ room: 'r1', sub: 'bob', exp: 1 })).room, 'r1');
  });

  it('refuses what is not a token with token-invalid', () => {
    for (const bad of ['', 'a.b', 'x.y.z', `h.${b64url({ room: 'has space', sub: 'a', exp: 1 })}.s`, `h.${b64url({ room: 'r', sub: 'a', role: 'god', exp: 1 })}.s`, 42 as unknown as string]) {
      assert.throws(() => readTokenClaims(bad), (e) => RtcError.is(e, 'token-invalid'), String(bad));
    }
  });
});
