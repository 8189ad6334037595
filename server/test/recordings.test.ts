/**
 * Server recordings over HTTP (no Janus: the file is made by a stand-in for janus-pp-rec and ffmpeg):
 * the listing needs an admin token, the signed url serves the file in ranges, `recording.ready` is a
 * signed webhook, and the retention deletes old recordings by the injected clock.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { signAdminToken } from '../auth/tokens.js';
import type { RtcServer } from '../create-server.js';
import type { ComposeInput } from '../recordings/compose-recording.js';
import { ServerRecordings } from '../recordings/server-recordings.js';
import { silentLogger } from '../hub/logger.js';
import { verifyWebhookSignature } from '../webhooks/signature.js';
import { SECRET, startServer, tokenFor } from './helpers.js';
import { startReceiver } from './webhook-receiver.js';

/** 1000 bytes whose every position is recognisable. */
const CONTENT = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 251));

/** Writes CONTENT as the "made" file and says it lasted `durationMs`. */
const fakeCompose = (durationMs: number) => async ({ out }: ComposeInput) => {
  await writeFile(out, CONTENT);
  return durationMs;
};

async function record(server: RtcServer, id: string, room: string, startedAt: number): Promise<void> {
  const rawDir = await server.recordings.rawDir(id);
  server.recordings.process({ id, room, startedAt, wallStartedAt: startedAt, wallStoppedAt: startedAt + 4000, rawDir, owners: new Map() });
  await server.recordings.idle();
}

const get = (server: RtcServer, url: string, headers: Record<string, string> = {}) => fetch(`${server.url}${url}`, { headers });

test('the listing needs an admin token; the signed url serves the file whole and in ranges; recording.ready is a signed webhook', async () => {
  const receiver = await startReceiver();
  const server = await startServer({ composeRecording: fakeCompose(4000), webhooks: { url: receiver.url, retryDelayMs: () => 1, drainMs: 0 } });
  try {
    await record(server, 'rec_firstrecording', 'standup', 1_700_000_000_000);
    await record(server, 'rec_otherroom0000', 'other', 1_700_000_100_000);

    assert.equal((await get(server, '/api/recordings')).status, 401, 'no token');
    const participant = await tokenFor('standup', 'ann', { role: 'host' });
    assert.equal((await get(server, '/api/recordings', { authorization: `Bearer ${participant}` })).status, 403, 'a room token is no admin token');
    const admin = { authorization: `Bearer ${await signAdminToken({ sub: 'ops', ttlSeconds: 60 }, SECRET)}` };
    assert.equal((await get(server, '/api/recordings?room=../x', admin)).status, 400, 'a room id that is no id');
    const listing = (await (await get(server, '/api/recordings?room=standup', admin)).json()) as { recordings: Record<string, unknown>[] };
    assert.equal(listing.recordings.length, 1);
    const [recording] = listing.recordings;
    assert.deepEqual(Object.keys(recording).sort(), ['durationMs', 'id', 'room', 'size', 'startedAt', 'url']);
    assert.deepEqual([recording.id, recording.room, recording.startedAt, recording.durationMs, recording.size],
      ['rec_firstrecording', 'standup', 1_700_000_000_000, 4000, 1000]);
    const all = (await (await get(server, '/api/recordings', admin)).json()) as { recordings: { id: string }[] };
    assert.deepEqual(all.recordings.map((r) => r.id), ['rec_firstrecording', 'rec_otherroom0000'], 'every room, oldest first');

    // The file needs no token (players cannot send one), only the url's signature.
    const url = String(recording.url);
    const whole = await get(server, url);
    assert.equal(whole.status, 200);
    assert.equal(whole.headers.get('accept-ranges'), 'bytes');
    assert.equal(whole.headers.get('content-type'), 'video/mp4');
    assert.deepEqual(Buffer.from(await whole.arrayBuffer()), CONTENT);
    const part = await get(server, url, { range: 'bytes=100-199' });
    assert.equal(part.status, 206);
    assert.equal(part.headers.get('content-range'), 'bytes 100-199/1000');
    assert.deepEqual(Buffer.from(await part.arrayBuffer()), CONTENT.subarray(100, 200));
    const tail = await get(server, url, { range: 'bytes=-10' });
    assert.deepEqual(Buffer.from(await tail.arrayBuffer()), CONTENT.subarray(990));
    const open = await get(server, url, { range: 'bytes=995-' });
    assert.equal(open.headers.get('content-range'), 'bytes 995-999/1000');
    const beyond = await get(server, url, { range: 'bytes=1000-' });
    assert.equal(beyond.status, 416);
    assert.equal(beyond.headers.get('content-range'), 'bytes */1000');
    await beyond.arrayBuffer();
    for (const forged of [url.replace(/sig=./, 'sig=x'), url.replace('rec_firstrecording', 'rec_otherroom0000'), url.split('?')[0]]) {
      const refused = await get(server, forged);
      assert.equal(refused.status, 404, forged);
      await refused.arrayBuffer();
    }

    const deliveries = await receiver.waitFor(2);
    const ready = deliveries.find((d) => d.event.roomId === 'standup')!;
    assert.equal(ready.event.type, 'recording.ready');
    assert.deepEqual(ready.event.data, { recordingId: 'rec_firstrecording', url, durationMs: 4000, sizeBytes: 1000 });
    assert.ok(verifyWebhookSignature(ready.headers['rtc-signature'] as string, ready.body, SECRET), 'signed with the server secret');
  } finally {
    await server.close();
    await receiver.close();
  }
});

test('a recording whose file cannot be made is not listed and keeps its streams; the others carry on', async () => {
  let calls = 0;
  const server = await startServer({
    composeRecording: async (input) => {
      if (calls++ === 0) throw new Error('ffmpeg failed');
      return fakeCompose(1000)(input);
    },
  });
  try {
    const rawDir = await server.recordings.rawDir('rec_brokenbroken');
    await writeFile(path.join(rawDir, 'stream.mjr'), 'x');
    server.recordings.process({ id: 'rec_brokenbroken', room: 'r', startedAt: 1, wallStartedAt: 1, wallStoppedAt: 2, rawDir, owners: new Map() });
    await record(server, 'rec_finefinefine', 'r', 2);
    assert.deepEqual((await server.recordings.store.list()).map((r) => r.id), ['rec_finefinefine']);
    assert.deepEqual(await readdir(rawDir), ['stream.mjr'], 'the raw streams stay to be looked at');
  } finally {
    await server.close();
  }
});

test('the retention deletes recordings that started longer ago than it, by the injected clock', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'rtc-recordings-'));
  let now = 10 * 86_400_000;
  const recordings = new ServerRecordings({ dir, log: silentLogger, retentionMs: 7 * 86_400_000, now: () => now, compose: fakeCompose(1000) });
  try {
    for (const [id, startedAt] of [['rec_oldoldoldold', 1 * 86_400_000], ['rec_newnewnewnew', 9 * 86_400_000]] as const) {
      recordings.process({ id, room: 'r', startedAt, wallStartedAt: 0, wallStoppedAt: 1000, rawDir: await recordings.rawDir(id), owners: new Map() });
    }
    await recordings.idle();
    assert.deepEqual(await recordings.sweep(), ['rec_oldoldoldold']);
    assert.deepEqual((await readdir(dir)).sort(), ['rec_newnewnewnew.json', 'rec_newnewnewnew.mp4'], 'its file is gone too');
    now += 7 * 86_400_000;
    assert.deepEqual(await recordings.sweep(), ['rec_newnewnewnew']);
    const keepAll = new ServerRecordings({ dir, log: silentLogger, retentionMs: 0, now: () => now * 100 });
    assert.deepEqual(await keepAll.sweep(), [], 'retention 0 keeps everything');
  } finally {
    await recordings.close();
    await rm(dir, { recursive: true, force: true });
  }
});
