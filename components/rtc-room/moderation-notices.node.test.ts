/** The notices' life: which engine event says what, a question waits for its answer, the rest go by themselves. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Emitter } from '../../core/emitter.js';
import type { RtcClient } from '../../core/rtc-client.js';
import type { MediaKind, Role, RoomState, RtcClientEvents } from '../../core/types.js';
import { en as lobbyEnglish } from '../i18n/en.js';
import { enLater } from '../i18n/en-later.js';
import type { StringKey } from '../i18n/strings.js';
import { ManualClock } from '../internal/testing/manual-clock.js';
import { ModerationNotices } from './moderation-notices.js';

/** The built-in English, the lobby's and the later chunks'. */
const en = { ...lobbyEnglish, ...enLater };

/** The engine's moderation events, sent by hand (the real ones are covered through the server in rtc-room.moderation.test.ts). */
class Engine extends Emitter<RtcClientEvents> {
  self = { role: 'participant' as Role };
  send<K extends keyof RtcClientEvents>(type: K, detail: RtcClientEvents[K]): void {
    this.emit(type, detail);
  }
}

const t = (key: StringKey, params: Record<string, string | number> = {}) => en[key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name]));
const room = (over: Partial<RoomState> = {}): RoomState => ({
  title: null, locked: false, lobby: false, hands: [], screenSharer: null, hosts: ['h'], recording: false, recorders: [], held: { audio: false, video: false }, audioOnly: false, serverRecording: null, ...over,
});

function setup() {
  const clock = new ManualClock();
  const said: string[] = [];
  const opened: MediaKind[] = [];
  let updates = 0;
  const notices = new ModerationNotices(
    { addController: () => {}, removeController: () => {}, requestUpdate: () => void updates++, updateComplete: Promise.resolve(true) },
    { t, announce: (text) => said.push(text), turnOn: async (media) => void opened.push(media), reportError: () => {}, clock: () => clock },
  );
  const engine = new Engine();
  notices.setEngine(engine as unknown as RtcClient);
  return { clock, said, opened, notices, engine, updates: () => updates };
}

test('a mute by the host is said and shown, then goes by itself after 8 s', () => {
  const { clock, said, notices, engine } = setup();
  engine.send('muted', { kind: 'audio', by: 'h', byName: 'Hana' });
  assert.deepEqual(notices.notice, { kind: 'muted', media: 'audio' });
  assert.deepEqual(said, ['The host muted your microphone']);
  clock.advance(7999);
  assert.ok(notices.notice, 'still there');
  clock.advance(1);
  assert.equal(notices.notice, null);
});

test('a request waits for the answer: Turn on opens that source, Not now opens nothing', () => {
  const { clock, opened, notices, engine } = setup();
  engine.send('unmute-request', { kind: 'video', by: 'h', byName: 'Hana' });
  clock.advance(60_000);
  assert.deepEqual(notices.notice, { kind: 'ask', media: 'video' }, 'no timeout on a question');
  notices.dismiss();
  assert.equal(notices.notice, null);
  assert.deepEqual(opened, []);
  engine.send('unmute-request', { kind: 'audio', by: 'h', byName: 'Hana' });
  notices.accept();
  assert.deepEqual(opened, ['audio']);
  assert.equal(notices.notice, null);
});

test('roles: a promoted viewer is asked about the camera; the audience, host and back are told', () => {
  const { said, opened, notices, engine } = setup();
  const change = (previous: Role, role: Role, local = true) => engine.send('role-change', { userId: 'me', local, role, previous, by: 'h' });
  change('viewer', 'participant', false);
  assert.equal(notices.notice, null, 'someone else: nothing for us');
  change('viewer', 'participant');
  assert.equal(said.at(-1), 'You can speak now: turn on your camera?');
  notices.accept();
  assert.deepEqual(opened, ['video']);
  change('participant', 'viewer');
  assert.equal(said.at(-1), 'The host moved you to the audience');
  change('participant', 'host');
  assert.equal(said.at(-1), 'You are now a host');
  change('host', 'participant');
  assert.equal(said.at(-1), 'You are no longer a host');
});

test('the title and the end of a hold are told; the lobby wait lasts until joined', () => {
  const { said, notices, engine } = setup();
  engine.send('room-state', { state: room(), previous: null });
  assert.deepEqual(said, [], 'joining is no change');
  engine.send('room-state', { state: room({ title: 'Town hall', held: { audio: true, video: false } }), previous: room() });
  assert.equal(said.at(-1), 'The meeting is now called “Town hall”');
  engine.send('room-state', { state: room({ title: 'Town hall' }), previous: room({ title: 'Town hall', held: { audio: true, video: false } }) });
  assert.equal(said.at(-1), 'You can unmute again');

  engine.send('waiting', { roomId: 'r' });
  assert.deepEqual(notices.notice, { kind: 'waiting' });
  notices.dismiss();
  assert.deepEqual(notices.notice, { kind: 'waiting' }, 'the wait is no toast to close');
  engine.send('joined', { roomId: 'r', userId: 'me' });
  assert.equal(notices.notice, null);
});

test('a new engine starts clean, and the old one is no longer heard', () => {
  const { notices, engine } = setup();
  engine.send('muted', { kind: 'video', by: 'h', byName: 'Hana' });
  notices.setEngine(undefined);
  assert.equal(notices.notice, null);
  engine.send('muted', { kind: 'video', by: 'h', byName: 'Hana' });
  assert.equal(notices.notice, null);
});
