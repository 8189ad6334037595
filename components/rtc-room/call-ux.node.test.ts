/** The pure parts of the call view: timer format, announcements from snapshot changes, bursts. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Participant } from '../../core/types.js';
import type { RoomSnapshot } from '../context/room-state-context.js';
import { en as lobbyEnglish } from '../i18n/en.js';
import { enLater } from '../i18n/en-later.js';
import type { StringKey } from '../i18n/strings.js';
import { Announcer, burstWords } from '../internal/announcer.js';
import { ManualClock } from '../internal/testing/manual-clock.js';
import { callAnnouncements } from './call-announcements.js';
import { formatDuration } from './call-timer.js';

/** The built-in English, the lobby's and the later chunks'. */
const en = { ...lobbyEnglish, ...enLater };

const t = (key: StringKey, params: Record<string, string | number> = {}) =>
  en[key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name]));

function person(userId: string, name = userId, local = false): Participant {
  return { userId, sessionId: `${userId}-s`, name, role: 'participant', local, media: { audio: true, video: true, screen: false },
    stream: null, screenStream: null, handRaised: false, joinedAt: 0, link: 'connected' };
}

function snapshot(people: Participant[], overrides: Partial<RoomSnapshot> = {}): RoomSnapshot {
  return { state: 'connected', roomId: 'r', self: people.find((p) => p.local) ?? null, participants: people, activeSpeakerId: null,
    screenSharerId: null, hands: [], messages: [], limits: null, devices: { cameras: [], microphones: [], speakers: [] },
    selectedDevices: {}, layout: 'grid', pinnedUserId: null, mainUserId: null, fullscreen: false, speakerOn: true, sound: {}, profiles: {},
    panel: null, unreadMessages: 0, roomState: null, waiting: [], ...overrides };
}

test('formatDuration: mm:ss, then h:mm:ss', () => {
  assert.equal(formatDuration(0), '00:00');
  assert.equal(formatDuration(59_999), '00:59');
  assert.equal(formatDuration(65_000), '01:05');
  assert.equal(formatDuration(3_599_000), '59:59');
  assert.equal(formatDuration(3_600_000), '1:00:00');
  assert.equal(formatDuration(36_000_000 + 61_000), '10:01:01');
  assert.equal(formatDuration(-5), '00:00');
});

test('callAnnouncements: joins and leaves after we are in, not the people already there', () => {
  const me = person('me', 'Me', true);
  const before = snapshot([me], { state: 'connecting' });
  const arrived = snapshot([me, person('ada', 'Ada')]);
  assert.deepEqual(callAnnouncements(before, arrived, t), [], 'those present when we arrive are not news');
  const more = snapshot([me, person('ada', 'Ada'), person('guest-1', '')]);
  assert.deepEqual(callAnnouncements(arrived, more, t), [{ kind: 'joined', name: 'Guest' }]);
  assert.deepEqual(callAnnouncements(more, snapshot([me, person('guest-1', '')]), t), [{ kind: 'left', name: 'Ada' }]);
});

test('callAnnouncements: hands (ours and others), our hand down, the connection', () => {
  const me = person('me', 'Me', true);
  const ada = person('ada', 'Ada');
  const base = snapshot([me, ada]);
  assert.deepEqual(callAnnouncements(base, snapshot([me, ada], { hands: ['ada', 'me'] }), t).map((a) => a.kind === 'text' && a.text),
    ['Ada raised their hand', 'Your hand is raised']);
  assert.deepEqual(callAnnouncements(snapshot([me, ada], { hands: ['me'] }), base, t), [{ kind: 'text', text: 'Your hand is lowered' }]);
  assert.deepEqual(callAnnouncements(base, snapshot([me, ada], { state: 'reconnecting' }), t), [{ kind: 'text', text: 'Connection lost. Reconnecting…' }]);
  assert.deepEqual(callAnnouncements(snapshot([me, ada], { state: 'reconnecting' }), base, t), [{ kind: 'text', text: 'Connection is back' }]);
});

test('Announcer: a burst is said once, after the debounce, with joins counted past three', () => {
  let updates = 0;
  const clock = new ManualClock();
  const announcer = new Announcer({ addController: () => {}, requestUpdate: () => updates++ } as never, {
    clock: () => clock,
    debounceMs: 800,
    words: (kind, names) => burstWords(names, (name) => `${name} ${kind}`, (count) => `${count} people ${kind}`),
  });
  announcer.announce({ kind: 'joined', name: 'Ada' }, { kind: 'text', text: 'Ada raised their hand' });
  announcer.announce({ kind: 'left', name: 'Bo' });
  clock.advance(799);
  assert.equal(announcer.text, '');
  clock.advance(1);
  assert.equal(announcer.text, 'Ada joined Bo left Ada raised their hand');
  assert.equal(updates, 1);
  announcer.announce(...['a', 'b', 'c', 'd'].map((name) => ({ kind: 'joined' as const, name })));
  clock.advance(800);
  assert.equal(announcer.text, '4 people joined');
  announcer.announce(...['e', 'f', 'g', 'h'].map((name) => ({ kind: 'joined' as const, name })));
  clock.advance(800);
  assert.equal(announcer.text, '4 people joined\u00a0', 'the same words again are still new to the region');
});
