/** Every DOM event the elements dispatch, one class per event (each file also types it for addEventListener). */
export { RtcActiveSpeakerEvent } from './rtc-active-speaker.js';
export { RtcAudioBlockedEvent } from './rtc-audio-blocked.js';
export { RtcAudioLevelsEvent } from './rtc-audio-levels.js';
export { RtcCallDeclineEvent } from './rtc-call-decline.js';
export { RtcConnectionStateEvent } from './rtc-connection-state.js';
export { RtcDataEvent } from './rtc-data.js';
export { RtcDeviceChangeEvent } from './rtc-device-change.js';
export { RtcDeviceSelectedEvent } from './rtc-device-selected.js';
export { RtcErrorEvent } from './rtc-error.js';
export { RtcEvent } from './rtc-event.js';
export { RtcFullscreenChangeEvent } from './rtc-fullscreen-change.js';
export { RtcHandChangeEvent } from './rtc-hand-change.js';
export { RtcHangupEvent } from './rtc-hangup.js';
export { RtcJoinedEvent } from './rtc-joined.js';
export { RtcLayoutChangeEvent } from './rtc-layout-change.js';
export { RtcLeftEvent } from './rtc-left.js';
export { RtcMessageEvent } from './rtc-message.js';
export { RtcMuteChangeEvent } from './rtc-mute-change.js';
export { RtcParticipantJoinedEvent } from './rtc-participant-joined.js';
export { RtcParticipantLeftEvent } from './rtc-participant-left.js';
export { RtcParticipantUpdatedEvent } from './rtc-participant-updated.js';
export { RtcPinEvent } from './rtc-pin.js';
export { RtcPlayerChangeEvent } from './rtc-player-change.js';
export { RtcReactionEvent } from './rtc-reaction.js';
export { RtcRequestKickEvent } from './rtc-request-kick.js';
export { RtcRequestLeaveEvent } from './rtc-request-leave.js';
export { RtcScreenShareEvent } from './rtc-screen-share.js';
export { RtcSnapshotEvent } from './rtc-snapshot.js';
export { RtcStatsEvent } from './rtc-stats.js';
export { RtcTrackAddedEvent } from './rtc-track-added.js';
export { RtcTrackRemovedEvent } from './rtc-track-removed.js';
export { RtcUserChangeEvent, type UserChange } from './rtc-user-change.js';
// Calls (issue 12)
export { RtcCallStateEvent } from './rtc-call-state.js';
export { RtcIncomingCallEvent } from './rtc-incoming-call.js';
// Moderation (issue 10): the engine's host powers, seen from the affected person and from hosts.
export { RtcLobbyEvent } from './rtc-lobby.js';
export { RtcMutedByHostEvent } from './rtc-muted-by-host.js';
export { RtcRoleChangeEvent } from './rtc-role-change.js';
export { RtcRoomStateEvent } from './rtc-room-state.js';
export { RtcScreenStoppedEvent } from './rtc-screen-stopped.js';
export { RtcTokenExpiringEvent } from './rtc-token-expiring.js';
export { RtcUnmuteRequestEvent } from './rtc-unmute-request.js';
export { RtcWaitingEvent } from './rtc-waiting.js';
// ---- health (issue 13) ----
export { RtcNetworkQualityEvent } from './rtc-network-quality.js';
export { RtcNetworkWeakEvent } from './rtc-network-weak.js';
export { RtcVideoAdaptEvent } from './rtc-video-adapt.js';
export { RtcVideoFrozenEvent } from './rtc-video-frozen.js';
// mesh: transport connection state (issue 11)
export { RtcTransportStateEvent } from './rtc-transport-state.js';
// ---- local recording, picture-in-picture (issue 13) ----
export { RtcLocalRecordingEvent, type LocalRecordingState } from './rtc-local-recording.js';
export { RtcPictureInPictureEvent } from './rtc-picture-in-picture.js';
export { RtcRecordingChangeEvent } from './rtc-recording-change.js';
// The lobby's device check (its chunk carries the class: a type here keeps it out of the first paint).
export type { RtcConnectivityCheckEvent } from './rtc-connectivity-check.js';
// Choices (issue 13): per-person volume
export { RtcVolumeChangeEvent } from './rtc-volume-change.js';
export { RtcAudioOnlyEvent } from './rtc-audio-only.js';
