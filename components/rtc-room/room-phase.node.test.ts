/** The room's phase machine: which moves it allows, and that anything else leaves the phase as it was. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canMove, movePhase, PHASES, type RoomPhase } from './room-phase.js';

const allowed: [RoomPhase, RoomPhase][] = [
  ['lobby', 'joining'], // the join button
  ['calling', 'joining'], // accept on the answer page
  ['left', 'joining'], // rejoin
  ['lobby', 'calling'], // answer mode with a call page
  ['calling', 'lobby'], // the call page turned off
  ['joining', 'joined'],
  ['joining', 'lobby'], // a failed join (or a password asked for) goes back
  ['joining', 'calling'],
  ['joining', 'left'],
  ['joined', 'left'],
  ['calling', 'left'], // decline
  ['lobby', 'joined'], // the page joined on the engine itself
  ['calling', 'joined'],
  ['lobby', 'left'], // the engine's call ended (the page ran it on the engine)
  ['left', 'joined'],
  ['joining', 'waiting'], // the room's lobby holds the join
  ['waiting', 'joined'], // admitted
  ['waiting', 'lobby'], // denied: back to where the join started
  ['waiting', 'calling'],
  ['waiting', 'left'],
  // A phone's call in answer mode (<rtc-phone mode="answer">)
  ['lobby', 'ringing'], // it rings
  ['ringing', 'joining'], // accepted
  ['ringing', 'lobby'], // it stopped ringing
  ['ringing', 'left'],
  ['ringing', 'joined'],
  ['joining', 'ringing'], // a failed join goes back
  ['waiting', 'ringing'], // denied while a phone's call was answered
];

test('the moves the room makes are allowed', () => {
  for (const [from, to] of allowed) assert.equal(movePhase(from, to), to, `${from} → ${to}`);
});

test('a call in progress only ends: no way back to the lobby, the answer page or joining', () => {
  for (const to of ['lobby', 'calling', 'ringing', 'joining'] as const) assert.equal(movePhase('joined', to), 'joined', `joined → ${to}`);
});

test('after leaving, the room rejoins (or the engine joins); it shows no lobby or answer page again', () => {
  assert.equal(movePhase('left', 'lobby'), 'left');
  assert.equal(movePhase('left', 'calling'), 'left');
  assert.equal(movePhase('left', 'ringing'), 'left');
});

test('staying in a phase is no move, and every phase has a row', () => {
  for (const phase of PHASES) assert.equal(canMove(phase, phase), false, phase);
  assert.deepEqual([...PHASES].sort(), ['calling', 'joined', 'joining', 'left', 'lobby', 'ringing', 'waiting']);
  const moves = PHASES.flatMap((from) => PHASES.filter((to) => canMove(from, to)).map((to) => `${from}>${to}`));
  assert.equal(moves.length, allowed.length, `exactly the listed moves: ${moves.join(' ')}`);
});
