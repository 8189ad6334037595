/**
 * The room's state as one immutable snapshot, built from the engine's view and the room's own UI
 * state, with the user and main-view changes it implies. Pure (tested under Node in room-snapshot.node.test.ts).
 */
import type { RoomSnapshot } from '../context/room-state-context.js';
import type { EngineView } from '../internal/engine-state-controller.js';
import { stage } from '../internal/layout.js';
import { sameSnapshot } from './same-snapshot.js';

export const EMPTY_VIEW: EngineView = {
  state: 'disconnected', roomId: null, self: null, participants: [], activeSpeakerId: null, screenSharerId: null,
  hands: [], messages: [], limits: null, devices: { cameras: [], microphones: [], speakers: [] }, selectedDevices: {},
  roomState: null, waiting: [],
};

/** What the room adds to the engine's view (everything in the snapshot that is not the engine's). */
export type RoomUiState = Pick<RoomSnapshot, 'layout' | 'pinnedUserId' | 'fullscreen' | 'speakerOn' | 'sound' | 'profiles' | 'panel' | 'unreadMessages'
  | 'localRecording' | 'pictureInPicture'>;

/** What the last build left behind: the snapshot shown, who was in the call, who was on the main view. */
export interface SnapshotMemory {
  readonly snapshot: RoomSnapshot | undefined;
  readonly users: readonly string[];
  readonly mainUserId: string | null;
}

export const FIRST_MEMORY: SnapshotMemory = { snapshot: undefined, users: [], mainUserId: null };

export interface SnapshotStep {
  readonly memory: SnapshotMemory;
  /** `rtc-player-change`'s detail, when someone else came on the main view by themselves (not by the page's pin). */
  readonly playerChange: { userId: string; preUserId: string } | null;
  /** `rtc-user-change`'s detail, when people came or went. */
  readonly userChange: { joined: string[]; exited: string[]; users: string[]; current: string | null } | null;
}

/**
 * The next snapshot: a new object only when something shown changed (the elements inside update
 * on identity). `ownerMovedMain`: the page moved the main view (`current-user-id`), so no player change fires.
 */
export function nextSnapshot(view: EngineView, ui: RoomUiState, memory: SnapshotMemory, ownerMovedMain: boolean): SnapshotStep {
  const ids = view.participants.map((p) => p.userId).filter(Boolean);
  const inCall = view.state === 'connected' || view.state === 'reconnecting';
  // Nobody is on the main view before the call (the plugin's `current` starts with the first view).
  const main = !inCall ? null : stage({
    ids,
    localId: view.self?.userId || null,
    pinnedId: ui.pinnedUserId,
    screenSharerId: view.screenSharerId,
    activeSpeakerId: view.activeSpeakerId,
    previousId: memory.mainUserId,
  }).userId;
  const built: RoomSnapshot = { ...view, ...ui, mainUserId: main };
  const snapshot = memory.snapshot && sameSnapshot(memory.snapshot, built) ? memory.snapshot : built;

  const users = inCall ? ids : [];
  const joined = users.filter((id) => !memory.users.includes(id));
  const exited = memory.users.filter((id) => !users.includes(id));
  const playerChange = main !== memory.mainUserId && !ownerMovedMain && memory.mainUserId !== null && main !== null
    ? { userId: main, preUserId: memory.mainUserId }
    : null;
  const userChange = joined.length || exited.length ? { joined, exited, users, current: main } : null;
  return {
    memory: { snapshot, users: userChange ? users : memory.users, mainUserId: main },
    playerChange,
    userChange,
  };
}
