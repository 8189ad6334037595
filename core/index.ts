/**
 * The engine's public API. Safe to import under Node (SSR): nothing here touches browser globals
 * until a client joins or captures. Synthetic media for stories and tests lives in
 * core/testing/synthetic-media.ts, outside this entry.
 */
export { RtcClient } from './rtc-client.js';
export type { JoinOptions, MediaSource, RtcClientOptions, WebSocketLike } from './rtc-client.js';
export type * from './types.js';
export { RtcError, defaultErrorMessage } from './errors.js';
export type { ErrorCode } from './errors.js';
export { Emitter } from './emitter.js';
export type { Listener } from './emitter.js';
export { DefaultReconnectPolicy, DEFAULT_RETRY_DELAYS_MS } from './signaling/reconnect-policy.js';
export type { DefaultReconnectPolicyOptions, ReconnectContext, ReconnectPolicy } from './signaling/reconnect-policy.js';
export { VIDEO_PROFILES, isVideoProfileName, resolveVideoProfile } from './media/profiles.js';
export type { VideoProfile } from './media/profiles.js';
export type { ViewSize } from './media/view-layer.js';
export type { SnapshotOptions, SnapshotType } from './media/snapshot.js';
export { createRoom, fetchDevToken } from './dev-token.js';
export type { CreateRoomRequest, CreatedRoom, DevTokenRequest } from './dev-token.js';
export { ERROR_CODES, FATAL_ERROR_CODES } from '../protocol/error-codes.js';
export { PERMISSIONS, ROLE_PERMISSIONS, can, receivesOnly } from '../protocol/permissions.js';
export type { Permission } from '../protocol/permissions.js';
// Calls (issue 12, docs/calls.md): a line per user outside any room.
export { RtcLine } from './line/rtc-line.js';
export type { CallOptions, CallStateChange, IncomingCall, LineState, RtcLineEvents, RtcLineOptions } from './line/rtc-line.js';
export { CALL_STATES, RING_TIMEOUT_MS } from '../protocol/line.js';
export type { CallParty, CallState, MissedCall, UserTokenClaims } from '../protocol/line.js';
// Before joining: can this browser and this network hold a call (docs/engine.md#before-joining).
export { checkSystemRequirements } from './preflight/system-requirements.js';
export type { BrowserScope, Requirement, SystemRequirements } from './preflight/system-requirements.js';
export { checkConnectivity } from './preflight/connectivity-check.js';
export type { ConnectivityCheckOptions, ConnectivityReport, ConnectivityVerdict } from './preflight/connectivity-check.js';
// Choices (issue 13): the microphone's processing, and the names a camera preset goes by.
export type { AudioProcessing } from './media/local-media.js';
export { pluginVideoQuality } from './media/quality-names.js';
