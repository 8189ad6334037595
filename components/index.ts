/**
 * rtc-kit's all-in-one entry: registers every element and exports the public API
 * (element classes, event classes, `start`/`join`, string registration, the engine).
 * `<rtc-video-grid>`, `<rtc-controls>`, `<rtc-chat>`, `<rtc-participants>`, `<rtc-reactions>` and `<rtc-phone>` are
 * chunks next to the bundle (the lobby shows none of them), defined when a page or a room uses them:
 * their classes come from `customElements.whenDefined(tag)`, or statically from
 * `elements/rtc-controls.js` and the like.
 */
export { RtcRoom } from './rtc-room/rtc-room.js';
export type { RtcVideoGrid } from './rtc-video-grid/rtc-video-grid.component.js';
export { RtcVideoTile } from './rtc-video-tile/rtc-video-tile.js';
export type { RtcControls } from './rtc-controls/rtc-controls.component.js';
export type { RtcChat } from './rtc-chat/rtc-chat.component.js';
export type { RtcParticipants } from './rtc-participants/rtc-participants.component.js';
export type { RtcReactions } from './rtc-reactions/rtc-reactions.component.js';
export type { RtcTileStats } from './rtc-tile-stats/rtc-tile-stats.component.js';
export type { RtcPhone, PhoneState, PhoneCallOptions } from './rtc-phone/rtc-phone.component.js';
export type { RtcDeviceCheck } from './rtc-device-check/rtc-device-check.component.js';
import { defineLazyElementsOnUse } from './internal/lazy-elements.js';
export type { RoomMode, RoomPhase } from './rtc-room/rtc-room.component.js';
export type { RoomConfig, AnswerAction } from './rtc-room/room-config.js';
export { start, join, type StartConfig, type RoomInfo } from './rtc-room/start.js';
export { DEFAULT_ACTIONS } from './rtc-controls/default-actions.js';

export * from './events/index.js';
export { registerStrings, type StringKey, type Strings } from './i18n/strings.js';

export type { Layout, Panel, RoomSnapshot, UserProfile } from './context/room-state-context.js';
export type { MediaCommands, RoomCommands } from './context/room-commands-context.js';
export { engineContext } from './context/engine-context.js';
export { roomStateContext } from './context/room-state-context.js';
export { roomCommandsContext } from './context/room-commands-context.js';
export { localeContext, type Locale } from './context/locale-context.js';

export { RtcClient } from '../core/rtc-client.js';
export { RtcError } from '../core/errors.js';
export type { ErrorCode } from '../core/errors.js';
export type { ConnectionState, DeviceKind, DeviceList, LeftReason, Participant } from '../core/types.js';
export type { HealthOptions, NetworkQuality, ParticipantStats } from '../core/types.js';
// Before joining (docs/engine.md#before-joining): loaded on first call.
export * from './preflight.js';

defineLazyElementsOnUse();
