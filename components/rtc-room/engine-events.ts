/**
 * The one table from engine events to DOM events: `<rtc-room>` is the only bridge, and every
 * `rtc-*` event that mirrors the engine is made here. Every engine event has a row (the type says
 * so), mostly as `rtc-<name>` with the same detail; docs/engine.md lists the exceptions. (The
 * room's own summaries, `rtc-user-change` and `rtc-player-change`, come from the room state.)
 */
import type { RtcError } from '../../core/errors.js';
import type { RtcClient } from '../../core/rtc-client.js';
import type { RtcClientEvents } from '../../core/types.js';
import { RtcActiveSpeakerEvent } from '../events/rtc-active-speaker.js';
import { RtcAudioLevelsEvent } from '../events/rtc-audio-levels.js';
import { RtcConnectionStateEvent } from '../events/rtc-connection-state.js';
import { RtcDataEvent } from '../events/rtc-data.js';
import { RtcDeviceChangeEvent } from '../events/rtc-device-change.js';
import { RtcDeviceSelectedEvent } from '../events/rtc-device-selected.js';
import { RtcErrorEvent } from '../events/rtc-error.js';
import type { RtcEvent } from '../events/rtc-event.js';
import { RtcHandChangeEvent } from '../events/rtc-hand-change.js';
import { RtcHangupEvent } from '../events/rtc-hangup.js';
import { RtcJoinedEvent } from '../events/rtc-joined.js';
import { RtcLeftEvent } from '../events/rtc-left.js';
import { RtcMessageEvent } from '../events/rtc-message.js';
import { RtcMuteChangeEvent } from '../events/rtc-mute-change.js';
import { RtcParticipantJoinedEvent } from '../events/rtc-participant-joined.js';
import { RtcParticipantLeftEvent } from '../events/rtc-participant-left.js';
import { RtcParticipantUpdatedEvent } from '../events/rtc-participant-updated.js';
import { RtcReactionEvent } from '../events/rtc-reaction.js';
import { RtcScreenShareEvent } from '../events/rtc-screen-share.js';
import { RtcStatsEvent } from '../events/rtc-stats.js';
import { RtcTrackAddedEvent } from '../events/rtc-track-added.js';
import { RtcTrackRemovedEvent } from '../events/rtc-track-removed.js';
import { RtcCallStateEvent } from '../events/rtc-call-state.js';
// Moderation events (issue 10).
import { RtcLobbyEvent } from '../events/rtc-lobby.js';
import { RtcMutedByHostEvent } from '../events/rtc-muted-by-host.js';
import { RtcRoleChangeEvent } from '../events/rtc-role-change.js';
import { RtcRoomStateEvent } from '../events/rtc-room-state.js';
import { RtcScreenStoppedEvent } from '../events/rtc-screen-stopped.js';
import { RtcTokenExpiringEvent } from '../events/rtc-token-expiring.js';
import { RtcUnmuteRequestEvent } from '../events/rtc-unmute-request.js';
import { RtcWaitingEvent } from '../events/rtc-waiting.js';
import { RtcNetworkQualityEvent } from '../events/rtc-network-quality.js';
import { RtcNetworkWeakEvent } from '../events/rtc-network-weak.js';
import { RtcVideoAdaptEvent } from '../events/rtc-video-adapt.js';
import { RtcVideoFrozenEvent } from '../events/rtc-video-frozen.js';
import { RtcTransportStateEvent } from '../events/rtc-transport-state.js';
import { RtcAudioOnlyEvent } from '../events/rtc-audio-only.js';

type Bridge = { [K in keyof RtcClientEvents]-?: (detail: RtcClientEvents[K], roomId: string | null) => RtcEvent<unknown>[] };

export const ENGINE_EVENTS: Bridge = {
  'connection-state': ({ state, previous }) => [new RtcConnectionStateEvent({ state, previous })],
  'transport-state': ({ state, previous }) => [new RtcTransportStateEvent({ state, previous })],
  joined: ({ roomId, userId }) => [new RtcJoinedEvent({ roomId, userId })],
  left: ({ reason, error }, roomId) => [
    ...(reason === 'hangup' ? [new RtcHangupEvent({ roomId })] : []),
    new RtcLeftEvent(error ? { reason, code: error.code } : { reason }),
  ],
  'participant-joined': ({ participant }) => [new RtcParticipantJoinedEvent({ participant })],
  'participant-left': ({ participant, reason }) => [new RtcParticipantLeftEvent({ participant, reason })],
  'participant-updated': ({ participant, previous }) => [new RtcParticipantUpdatedEvent({ participant, previous })],
  'mute-change': ({ userId, local, kind, muted }) => [new RtcMuteChangeEvent({ userId, local, kind, muted })],
  'track-added': ({ userId, source, track, stream }) => [new RtcTrackAddedEvent({ userId, source, track, stream })],
  'track-removed': ({ userId, source, track, stream }) => [new RtcTrackRemovedEvent({ userId, source, track, stream })],
  'screen-share': ({ userId, local, active }) => [new RtcScreenShareEvent({ userId, local, active })],
  'active-speaker': ({ userId, previous }) => [new RtcActiveSpeakerEvent({ userId, previous })],
  'audio-levels': ({ levels }) => [new RtcAudioLevelsEvent({ levels })],
  'device-change': ({ devices, fallback }) => [new RtcDeviceChangeEvent(fallback ? { devices, fallback } : { devices })],
  'device-selected': ({ kind, deviceId }) => [new RtcDeviceSelectedEvent({ kind, deviceId })],
  stats: ({ stats }) => [new RtcStatsEvent({ stats })],
  error: ({ error }) => [new RtcErrorEvent({ code: error.code, message: error.message, error })],
  message: ({ message, local }) => [new RtcMessageEvent({ message, local })],
  data: ({ from, payload, private: isPrivate }) => [new RtcDataEvent({ from, payload, private: isPrivate })],
  // Earlier chat the app asked for itself: the elements read it from the room state, no DOM event.
  history: () => [],
  hands: ({ queue }) => [new RtcHandChangeEvent({ queue: [...queue] })],
  reaction: ({ from, emoji, ts }) => [new RtcReactionEvent({ userId: from, emoji, ts })],
  // Calls (issue 12): the state of the room's own invitations.
  'call-state': (detail) => [new RtcCallStateEvent(detail)],
  // Moderation: `muted` is `rtc-muted-by-host` (beside `rtc-mute-change`, which everyone's toggles fire); arrays are copies.
  'room-state': ({ state, previous }) => [new RtcRoomStateEvent({ state, previous })],
  'role-change': ({ userId, local, role, previous, by }) => [new RtcRoleChangeEvent({ userId, local, role, previous, by })],
  muted: ({ kind, by, byName }) => [new RtcMutedByHostEvent({ kind, by, byName })],
  'unmute-request': ({ kind, by, byName }) => [new RtcUnmuteRequestEvent({ kind, by, byName })],
  'screen-stopped': ({ by, byName }) => [new RtcScreenStoppedEvent({ by, byName })],
  lobby: ({ waiting }) => [new RtcLobbyEvent({ waiting: [...waiting] })],
  waiting: ({ roomId }) => [new RtcWaitingEvent({ roomId })],
  'token-expiring': ({ expiresAt, inMs }) => [new RtcTokenExpiringEvent({ expiresAt, inMs })],
  // Health (issue 13).
  'network-quality': (detail) => [new RtcNetworkQualityEvent({ ...detail })],
  'network-weak': (detail) => [new RtcNetworkWeakEvent({ ...detail })],
  'video-frozen': (detail) => [new RtcVideoFrozenEvent({ ...detail })],
  'video-adapt': (detail) => [new RtcVideoAdaptEvent({ ...detail })],
  // Choices (issue 13)
  'audio-only': ({ on }) => [new RtcAudioOnlyEvent({ on })],
};

// ---- the bridge (rtc-room split) ----

export interface BridgeTarget {
  /** The room the events belong to (`rtc-hangup`'s `roomId`). */
  roomId(): string | null;
  /** Before an `rtc-error`: false when the room already reported this error (it is not fired twice). */
  firstReport(error: RtcError): boolean;
  emit(event: RtcEvent<unknown>): void;
}

/** Re-dispatches an engine's events as DOM events, through the table above. Returns the unsubscribers. */
export function bridgeEngineEvents(engine: RtcClient, target: BridgeTarget): (() => void)[] {
  return (Object.keys(ENGINE_EVENTS) as (keyof typeof ENGINE_EVENTS)[]).map((name) =>
    engine.on(name, ((detail: never) => {
      for (const event of ENGINE_EVENTS[name]!(detail, target.roomId())) {
        if (event instanceof RtcErrorEvent && !target.firstReport(event.detail.error)) continue;
        target.emit(event);
      }
    }) as never),
  );
}
