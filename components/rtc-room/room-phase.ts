/**
 * The room's phases and the moves between them, as data: the room changes its phase only through
 * `movePhase`, so a new phase (issue 10's `waiting`, issue 12's `ringing`) is one row here and one
 * entry in `RoomPhase`, and every move it allows is written down in one place.
 */

/**
 * Where the room is in its life: `lobby` (before joining), `calling` (answer page: the plugin's call
 * page, or a phone's call ringing out), `ringing` (answer page: a phone's call ringing in), `joining`,
 * `waiting` (held in the room's lobby), `joined`, `left`.
 */
export type RoomPhase = 'lobby' | 'calling' | 'ringing' | 'joining' | 'waiting' | 'joined' | 'left';

/**
 * From each phase, the phases it may go to. The engine's `joined` and `left` can come from any phase
 * (a page may join or end the call on the engine itself); a failed join goes back to where it started.
 */
export const PHASE_MOVES: Readonly<Record<RoomPhase, readonly RoomPhase[]>> = {
  lobby: ['calling', 'ringing', 'joining', 'joined', 'left'],
  calling: ['lobby', 'joining', 'joined', 'left'],
  // <rtc-phone mode="answer">: its call rings in the room's answer page until it is answered.
  ringing: ['lobby', 'joining', 'joined', 'left'],
  joining: ['lobby', 'calling', 'ringing', 'waiting', 'joined', 'left'],
  // Held in the room's lobby until a host decides: admitted, or denied (back to where the join started).
  waiting: ['lobby', 'calling', 'ringing', 'joined', 'left'],
  joined: ['left'],
  left: ['joining', 'joined'],
};

export const PHASES = Object.keys(PHASE_MOVES) as RoomPhase[];

/** Whether the room may go from `from` to `to` (staying put is no move). */
export function canMove(from: RoomPhase, to: RoomPhase): boolean {
  return PHASE_MOVES[from].includes(to);
}

/** The phase after asking for `to`: `to` when the move is allowed, else still `from`. */
export function movePhase(from: RoomPhase, to: RoomPhase): RoomPhase {
  return canMove(from, to) ? to : from;
}
