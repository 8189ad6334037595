/**
 * The one table from engine events to DOM events: `<rtc-room>` is the only bridge, and every
 * `rtc-*` event that mirrors the engine is made here. (Membership and main-view changes are derived
 * from the room state instead: see `rtc-user-change` and `rtc-player-change` in the room.)
 */
import type { RtcClientEvents } from '../../core/types.js';
import { RtcActiveSpeakerEvent } from '../events/rtc-active-speaker.js';
import { RtcConnectionStateEvent } from '../events/rtc-connection-state.js';
import { RtcDeviceChangeEvent } from '../events/rtc-device-change.js';
import { RtcErrorEvent } from '../events/rtc-error.js';
import type { RtcEvent } from '../events/rtc-event.js';
import { RtcHandChangeEvent } from '../events/rtc-hand-change.js';
import { RtcHangupEvent } from '../events/rtc-hangup.js';
import { RtcJoinedEvent } from '../events/rtc-joined.js';
import { RtcLeftEvent } from '../events/rtc-left.js';
import { RtcMessageEvent } from '../events/rtc-message.js';
import { RtcMuteChangeEvent } from '../events/rtc-mute-change.js';
import { RtcReactionEvent } from '../events/rtc-reaction.js';
import { RtcScreenShareEvent } from '../events/rtc-screen-share.js';

type Bridge = { [K in keyof RtcClientEvents]?: (detail: RtcClientEvents[K], roomId: string | null) => RtcEvent<unknown>[] };

export const ENGINE_EVENTS: Bridge = {
  'connection-state': ({ state, previous }) => [new RtcConnectionStateEvent({ state, previous })],
  joined: ({ roomId, userId }) => [new RtcJoinedEvent({ roomId, userId })],
  left: ({ reason, error }, roomId) => [
    ...(reason === 'hangup' ? [new RtcHangupEvent({ roomId })] : []),
    new RtcLeftEvent(error ? { reason, code: error.code } : { reason }),
  ],
  'mute-change': ({ userId, local, kind, muted }) => [new RtcMuteChangeEvent({ userId, local, kind, muted })],
  'screen-share': ({ userId, local, active }) => [new RtcScreenShareEvent({ userId, local, active })],
  'active-speaker': ({ userId, previous }) => [new RtcActiveSpeakerEvent({ userId, previous })],
  'device-change': ({ devices, fallback }) => [new RtcDeviceChangeEvent(fallback ? { devices, fallback } : { devices })],
  error: ({ error }) => [new RtcErrorEvent({ code: error.code, message: error.message, error })],
  message: ({ message, local }) => [new RtcMessageEvent({ message, local })],
  hands: ({ queue }) => [new RtcHandChangeEvent({ queue: [...queue] })],
  reaction: ({ from, emoji, ts }) => [new RtcReactionEvent({ userId: from, emoji, ts })],
};
