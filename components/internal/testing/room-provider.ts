/** Test helper: provides a room snapshot (and optionally commands) to the elements inside a host, as `<rtc-room>` does. */
import { ContextProvider } from '@lit/context';
import type { Participant } from '../../../core/types.js';
import { roomCommandsContext, type RoomCommands } from '../../context/room-commands-context.js';
import { roomStateContext, type RoomSnapshot } from '../../context/room-state-context.js';

export function roomSnapshot(participants: readonly Participant[], overrides: Partial<RoomSnapshot> = {}): RoomSnapshot {
  return {
    state: 'connected',
    roomId: 'test-room',
    self: participants.find((p) => p.local) ?? null,
    participants,
    activeSpeakerId: null,
    screenSharerId: participants.find((p) => p.media.screen)?.userId ?? null,
    hands: [],
    messages: [],
    limits: null,
    devices: { cameras: [], microphones: [], speakers: [] },
    selectedDevices: {},
    layout: 'grid',
    pinnedUserId: null,
    mainUserId: null,
    fullscreen: false,
    speakerOn: true,
    sound: {},
    profiles: {},
    panel: null,
    unreadMessages: 0,
    roomState: null,
    waiting: [],
    ...overrides,
  };
}

export function provideRoom(host: HTMLElement, snapshot: RoomSnapshot, commands?: RoomCommands) {
  const state = new ContextProvider(host, { context: roomStateContext, initialValue: snapshot });
  if (commands) new ContextProvider(host, { context: roomCommandsContext, initialValue: commands });
  return { update: (next: RoomSnapshot) => state.setValue(next) };
}
