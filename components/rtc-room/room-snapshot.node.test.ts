/** The room's snapshot builder: the main view, the user and player changes, and identity kept when nothing shown changed. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Participant } from '../../core/types.js';
import type { EngineView } from '../internal/engine-state-controller.js';
import { EMPTY_VIEW, FIRST_MEMORY, nextSnapshot, type RoomUiState, type SnapshotMemory } from './room-snapshot.js';

function person(userId: string, local = false): Participant {
  return { userId, sessionId: `${userId}-s`, name: userId, role: 'participant', local, media: { audio: true, video: true, screen: false },
    stream: null, screenStream: null, handRaised: false, joinedAt: 0, link: 'connected' };
}

const ui: RoomUiState = { layout: 'grid', pinnedUserId: null, fullscreen: false, speakerOn: true, sound: {}, profiles: {}, panel: null, unreadMessages: 0 };
const me = person('me', true);

function inCall(others: Participant[], extra: Partial<EngineView> = {}): EngineView {
  return { ...EMPTY_VIEW, state: 'connected', roomId: 'r', self: me, participants: [me, ...others], ...extra };
}

test('before the call nobody is on the main view and nobody has joined', () => {
  const step = nextSnapshot({ ...EMPTY_VIEW, self: me, participants: [me] }, ui, FIRST_MEMORY, false);
  assert.equal(step.memory.snapshot?.mainUserId, null);
  assert.equal(step.userChange, null);
  assert.equal(step.playerChange, null);
  assert.equal(step.memory.snapshot?.layout, 'grid');
});

test('joining a call with someone puts them on the main view and tells who is there', () => {
  const step = nextSnapshot(inCall([person('bob')]), ui, FIRST_MEMORY, false);
  assert.equal(step.memory.snapshot?.mainUserId, 'bob');
  assert.deepEqual(step.userChange, { joined: ['me', 'bob'], exited: [], users: ['me', 'bob'], current: 'bob' });
  assert.equal(step.playerChange, null, 'the first main view is no change');
});

test('a new speaker on the main view is a player change; the page’s own pin is not', () => {
  const bob = person('bob');
  const carol = person('carol');
  const first = nextSnapshot(inCall([bob, carol]), ui, FIRST_MEMORY, false).memory;
  const speaking = nextSnapshot(inCall([bob, carol], { activeSpeakerId: 'carol' }), ui, first, false);
  assert.deepEqual(speaking.playerChange, { userId: 'carol', preUserId: 'bob' });
  assert.equal(speaking.userChange, null);
  const pinned = nextSnapshot(inCall([bob, carol]), { ...ui, pinnedUserId: 'carol' }, first, true);
  assert.equal(pinned.memory.snapshot?.mainUserId, 'carol');
  assert.equal(pinned.playerChange, null);
});

test('someone leaving is a user change; after the call everyone has exited', () => {
  const bob = person('bob');
  const both: SnapshotMemory = nextSnapshot(inCall([bob]), ui, FIRST_MEMORY, false).memory;
  const alone = nextSnapshot(inCall([]), ui, both, false);
  assert.deepEqual(alone.userChange, { joined: [], exited: ['bob'], users: ['me'], current: 'me' });
  const out = nextSnapshot({ ...EMPTY_VIEW, self: me, participants: [me] }, ui, alone.memory, false);
  assert.deepEqual(out.userChange, { joined: [], exited: ['me'], users: [], current: null });
});

test('the same view and UI state give back the same snapshot object; a UI change gives a new one', () => {
  const view = inCall([person('bob')]);
  const first = nextSnapshot(view, ui, FIRST_MEMORY, false).memory;
  assert.equal(nextSnapshot({ ...view }, { ...ui }, first, false).memory.snapshot, first.snapshot);
  const opened = nextSnapshot(view, { ...ui, panel: 'chat' }, first, false).memory.snapshot;
  assert.notEqual(opened, first.snapshot);
  assert.equal(opened?.panel, 'chat');
});
