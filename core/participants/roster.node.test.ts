/** The participant roster under Node: what a UI following its events would see (no media tracks here; those run in the browser suites). */
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it, mock } from 'node:test';
import type { ParticipantInfo } from '../../protocol/model.js';
import { ParticipantRoster, type RosterEvents } from './roster.js';

const EVENTS: (keyof RosterEvents)[] = [
  'participant-joined', 'participant-left', 'participant-updated', 'mute-change', 'track-added', 'track-removed', 'screen-share', 'hands',
];

function info(userId: string, overrides: Partial<ParticipantInfo> = {}): ParticipantInfo {
  return {
    userId, sessionId: `${userId}-1`, name: userId.toUpperCase(), role: 'participant',
    media: { audio: true, video: true, screen: false }, joinedAt: 1_000, ...overrides,
  };
}

/** A roster admitted as `me`, with the log of what it emitted and of the links it closed. */
function admitted(others: ParticipantInfo[] = [], hands: string[] = []) {
  const log: string[] = [];
  const roster = new ParticipantRoster({
    disconnect: (userId) => log.push(`disconnect ${userId}`),
    reattach: (participant) => log.push(`reattach ${participant.userId} ${participant.sessionId}`),
  });
  for (const type of EVENTS) {
    roster.on(type, (detail) => {
      const who = 'participant' in detail ? detail.participant.userId : 'userId' in detail ? detail.userId : '';
      log.push(`${type} ${who}`.trim());
    });
  }
  roster.admitSelf(info('me'), hands);
  roster.reconcile(others, false);
  const atAdmission = log.splice(0);
  return { roster, log, atAdmission };
}

describe('ParticipantRoster', () => {
  it('takes the people already there without announcing them, hands raised included', () => {
    const { roster, atAdmission } = admitted([info('ana'), info('ben')], ['ben', 'me']);
    assert.deepEqual([...roster.participants.keys()], ['ana', 'ben']);
    assert.equal(roster.participants.get('ben')!.handRaised, true);
    assert.equal(roster.participants.get('ana')!.handRaised, false);
    assert.equal(roster.self.handRaised, true);
    assert.equal(roster.self.sessionId, 'me-1');
    assert.deepEqual(roster.hands, ['ben', 'me']);
    assert.deepEqual(atAdmission, ['participant-updated me']);
  });

  it('replaces the map and the frozen snapshot on every change, and keeps the others as they were', () => {
    const { roster } = admitted([info('ana'), info('ben')]);
    const before = roster.participants;
    const ben = roster.participants.get('ben');
    roster.handleUpdated(info('ana', { name: 'Ana 安' }));
    assert.notEqual(roster.participants, before);
    assert.equal(before.get('ana')!.name, 'ANA', 'the old map still shows the old snapshot');
    assert.equal(roster.participants.get('ana')!.name, 'Ana 安');
    assert.equal(roster.participants.get('ben'), ben);
    assert.ok(Object.isFrozen(roster.participants.get('ana')));
    assert.ok(Object.isFrozen(roster.participants.get('ana')!.media));
    assert.throws(() => ((roster.self as { name: string }).name = 'x'));
  });

  it('announces an arrival, and a newer session of someone known as a leave (`replaced`) then a join', () => {
    const { roster, log } = admitted([info('ana')]);
    roster.handleJoined(info('ben'));
    roster.handleJoined(info('ana', { sessionId: 'ana-2' }));
    roster.handleJoined(info('me', { sessionId: 'elsewhere' }));
    assert.deepEqual(log, ['participant-joined ben', 'disconnect ana', 'participant-left ana', 'participant-joined ana']);
    assert.equal(roster.participants.get('ana')!.sessionId, 'ana-2');
    assert.deepEqual([...roster.participants.keys()], ['ben', 'ana'], 'join order');
  });

  it('ignores the leave of a session it no longer knows, and closes the link before saying someone left', () => {
    const { roster, log } = admitted([info('ana', { sessionId: 'ana-2' })]);
    const reasons: string[] = [];
    roster.on('participant-left', ({ reason }) => reasons.push(reason));
    roster.handleLeft('ana', 'ana-1', 'left');
    assert.equal(roster.participants.has('ana'), true);
    roster.handleLeft('ana', 'ana-2', 'timeout');
    assert.equal(roster.participants.has('ana'), false);
    assert.deepEqual(log, ['disconnect ana', 'participant-left ana']);
    assert.deepEqual(reasons, ['timeout']);
    assert.equal(roster.isCurrent('ana', 'ana-2'), false);
  });

  it('brings the list in line after a resume: the missing left, a new session replaced, the rest updated', () => {
    const { roster, log } = admitted([info('ana'), info('ben'), info('cy')]);
    roster.reconcile([info('ben', { sessionId: 'ben-2' }), info('cy', { media: { audio: false, video: true, screen: false } }), info('dee')], true);
    assert.deepEqual(log, [
      'disconnect ana', 'participant-left ana',
      'disconnect ben', 'participant-left ben',
      'participant-joined ben',
      'participant-updated cy', 'mute-change cy',
      'participant-joined dee',
    ]);
    assert.deepEqual([...roster.participants.keys()], ['cy', 'ben', 'dee']);
  });

  it('says who mutes, on either side, with `participant-updated` first', () => {
    const { roster } = admitted([info('ana')]);
    const seen: string[] = [];
    roster.on('participant-updated', ({ participant, previous }) => seen.push(`updated ${participant.userId} ${previous.media.audio}->${participant.media.audio}`));
    roster.on('mute-change', ({ userId, local, kind, muted }) => seen.push(`${userId} ${local ? 'local' : 'remote'} ${kind} muted=${muted}`));
    roster.handleUpdated(info('ana', { media: { audio: false, video: true, screen: false } }));
    roster.setLocalMedia({ audio: true, video: false, screen: false }, [], null);
    assert.deepEqual(seen, [
      'updated ana true->false', 'ana remote audio muted=true',
      'updated me false->true', 'me local audio muted=false',
    ]);
  });

  it('ignores an update about another session of a participant, and renames us on ours', () => {
    const { roster, log } = admitted([info('ana')]);
    roster.handleUpdated(info('ana', { sessionId: 'ana-0', name: 'Old' }));
    roster.handleUpdated(info('me', { name: 'Me 我', role: 'host' }));
    assert.equal(roster.participants.get('ana')!.name, 'ANA');
    assert.equal(roster.self.name, 'Me 我');
    assert.equal(roster.self.role, 'host');
    assert.deepEqual(log, ['participant-updated me']);
  });

  it('follows the one screen sharer, and ends the share of someone who leaves', () => {
    const { roster, log } = admitted([info('ana'), info('ben', { media: { audio: true, video: true, screen: true } })]);
    assert.equal(roster.screenSharer, 'ben');
    roster.handleUpdated(info('ben'));
    assert.equal(roster.screenSharer, null);
    roster.handleUpdated(info('ana', { media: { audio: true, video: true, screen: true } }));
    assert.equal(roster.screenSharer, 'ana');
    roster.handleLeft('ana', 'ana-1', 'left');
    assert.equal(roster.screenSharer, null);
    assert.deepEqual(log, [
      'participant-updated ben', 'screen-share ben',
      'participant-updated ana', 'screen-share ana',
      'disconnect ana', 'participant-left ana', 'screen-share ana',
    ]);
    roster.setSharing('me', true);
    roster.setSharing('ben', false);
    assert.equal(roster.screenSharer, 'me', 'someone else stopping leaves our share alone');
  });

  it('marks raised hands on everyone, then announces the queue', () => {
    const { roster, log } = admitted([info('ana'), info('ben')]);
    roster.setHands(['ben', 'me']);
    assert.deepEqual(log, ['participant-updated me', 'participant-updated ben', 'hands']);
    assert.equal(roster.self.handRaised, true);
    assert.equal(roster.participants.get('ben')!.handRaised, true);
    log.length = 0;
    roster.setHands(['ben']);
    assert.deepEqual(log, ['participant-updated me', 'hands']);
    assert.deepEqual(roster.hands, ['ben']);
  });

  it('reports a media link changing state on the snapshot', () => {
    const { roster, log } = admitted([info('ana')]);
    roster.setLink('ana', 'connected');
    roster.setLink('nobody', 'connected');
    assert.equal(roster.participants.get('ana')!.link, 'connected');
    assert.deepEqual(log, ['participant-updated ana']);
  });

  it('at the end of a session forgets the others silently and keeps only our preview', () => {
    const { roster, log } = admitted([info('ana', { media: { audio: true, video: true, screen: true } })], ['ana', 'me']);
    roster.forgetOthers();
    roster.trackRemoved('ana', 'camera', {} as MediaStreamTrack);
    roster.setLink('ana', 'closed');
    roster.endSession();
    assert.equal(roster.participants.size, 0);
    assert.equal(roster.screenSharer, null);
    assert.deepEqual(roster.hands, []);
    assert.equal(roster.self.sessionId, '');
    assert.equal(roster.self.handRaised, false);
    assert.equal(roster.self.userId, 'me');
    assert.deepEqual(log, ['participant-updated me']);
  });

  describe('after our rejoin (a server restart: it knows nobody until they come back)', () => {
    const WINDOW = 20_000;
    beforeEach(() => mock.timers.enable({ apis: ['setTimeout'] }));
    afterEach(() => mock.timers.reset());

    it('keeps everyone: whoever comes back under a new session is the same participant, nobody left or joined', () => {
      const { roster, log } = admitted([info('ana'), info('ben')]);
      const ana = roster.participants.get('ana')!;
      roster.admitSelf(info('me', { sessionId: 'me-2' }), []);
      roster.rejoin([], WINDOW);
      assert.deepEqual([...roster.participants.keys()], ['ana', 'ben']);
      assert.equal(roster.isAwaited('ana'), true);

      mock.timers.tick(WINDOW - 1);
      roster.handleJoined(info('ana', { sessionId: 'ana-2', joinedAt: 9_000 }));
      roster.handleJoined(info('ben', { sessionId: 'ben-2' }));
      mock.timers.tick(WINDOW);
      assert.deepEqual(log.filter((line) => !line.startsWith('participant-updated')), ['reattach ana ana-2', 'reattach ben ben-2']);
      const back = roster.participants.get('ana')!;
      assert.equal(back.sessionId, 'ana-2');
      assert.equal(back.joinedAt, ana.joinedAt, 'in the call since before the restart');
      assert.equal(roster.isCurrent('ana', 'ana-2'), true, 'their signaling is taken from the new session');
      assert.equal(roster.isAwaited('ana'), false);
      assert.deepEqual([...roster.participants.keys()], ['ana', 'ben'], 'the order of the call');
    });

    it('lets go of whoever is not back within the window, with `timeout`', () => {
      const { roster, log } = admitted([info('ana'), info('ben')]);
      const reasons: string[] = [];
      roster.on('participant-left', ({ participant, reason }) => reasons.push(`${participant.userId} ${reason}`));
      roster.rejoin([info('ben', { sessionId: 'ben-2' })], WINDOW);
      mock.timers.tick(WINDOW - 1);
      assert.deepEqual(reasons, []);
      mock.timers.tick(1);
      assert.deepEqual(reasons, ['ana timeout']);
      assert.ok(log.includes('disconnect ana'));
      assert.ok(log.includes('reattach ben ben-2'), 'ben was back first: taken over at once');
      roster.handleJoined(info('ana', { sessionId: 'ana-2' }));
      assert.deepEqual(log.at(-1), 'participant-joined ana', 'too late: a join like any other');
    });

    it('announces a newcomer it did not know, and keeps waiting through a full-state resume', () => {
      const { roster, log } = admitted([info('ana')]);
      roster.rejoin([info('cy')], WINDOW);
      assert.deepEqual(log.filter((line) => line.startsWith('participant-joined')), ['participant-joined cy']);
      roster.reconcile([info('cy')], true);
      assert.equal(roster.participants.has('ana'), true, 'still within her window');
      roster.reconcile([info('cy'), info('ana', { sessionId: 'ana-2' })], true);
      assert.equal(roster.participants.get('ana')!.sessionId, 'ana-2');
      assert.equal(log.some((line) => line.startsWith('participant-left')), false);
    });

    it('believes the list at once when the server kept someone\'s session: only ours ran out, the missing left', () => {
      const { roster, log } = admitted([info('ana'), info('ben')]);
      roster.rejoin([info('ben')], WINDOW);
      assert.deepEqual(log.filter((line) => !line.startsWith('participant-updated')), ['disconnect ana', 'participant-left ana']);
      assert.equal(roster.isAwaited('ana'), false);
    });

    it('lets nobody go after the session ended', () => {
      const { roster, log } = admitted([info('ana')]);
      roster.rejoin([], WINDOW);
      roster.forgetOthers();
      mock.timers.tick(WINDOW);
      assert.equal(log.some((line) => line.startsWith('participant-left')), false);
    });
  });
});
