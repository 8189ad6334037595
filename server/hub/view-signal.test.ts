import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ServerMessage } from '../../protocol/server-messages.js';
import type { TokenClaims } from '../../protocol/token.js';
import { DEFAULTS } from '../config.js';
import { Hub } from './hub.js';

function socket(hub: Hub) {
  const frames: ServerMessage[] = [];
  const conn = hub.connect({ send: (text) => frames.push(JSON.parse(text) as ServerMessage), close: () => {} });
  return {
    frames,
    async send(frame: object) {
      conn.receive(JSON.stringify(frame));
      await new Promise<void>((resolve) => setTimeout(resolve, 0));
    },
  };
}

test('a receiver\'s view size is relayed to the sender as it was sent; a malformed one is refused', async () => {
  const hub = new Hub({ config: DEFAULTS, verifyToken: async (token) => JSON.parse(token) as TokenClaims });
  try {
    await relayAndRefuse(hub);
  } finally {
    hub.close();
  }
});

async function relayAndRefuse(hub: Hub): Promise<void> {
  const ann = socket(hub);
  const bob = socket(hub);
  await ann.send({ type: 'join', room: 'r', token: JSON.stringify({ room: 'r', sub: 'ann', exp: 9e9 }) });
  await bob.send({ type: 'join', room: 'r', token: JSON.stringify({ room: 'r', sub: 'bob', exp: 9e9 }) });

  const view = { source: 'camera', width: 320, height: 180 };
  await bob.send({ type: 'signal', to: 'ann', payload: { view } });
  const relayed = ann.frames.find((f) => f.type === 'signal');
  assert.deepEqual(relayed?.type === 'signal' && relayed.payload, { view });

  for (const bad of [{ source: 'camera', width: -1, height: 10 }, { source: 'microphone', width: 1, height: 1 }, { source: 'camera', width: 1.5, height: 1 }]) {
    await bob.send({ type: 'signal', to: 'ann', payload: { view: bad } });
    const error = bob.frames.at(-1);
    assert.equal(error?.type === 'error' && error.code, 'bad-message', JSON.stringify(bad));
  }
  assert.equal(ann.frames.filter((f) => f.type === 'signal').length, 1, 'nothing malformed reached ann');
}
