import type { RtcClient } from '../../core/rtc-client.js';
import { RtcError } from '../../core/errors.js';
import type { MediaCommands } from '../context/room-commands-context.js';
import { RtcErrorEvent } from '../events/rtc-error.js';
import { snapshotImage } from './snapshot-image.js';

/** The media actions of an element that stands alone with its own engine (no `<rtc-room>` around it). */
export function engineCommands(engine: RtcClient, host: HTMLElement): MediaCommands {
  return {
    toggleMicrophone: (on) => engine.setMicrophone(on ?? !engine.self.media.audio),
    toggleCamera: (on) => engine.setCamera(on ?? !engine.self.media.video),
    toggleScreenShare: (on) => engine.shareScreen(on ?? !engine.self.media.screen),
    switchCamera: () => engine.switchCamera(),
    selectDevice: (kind, deviceId) => engine.selectDevice(kind, deviceId),
    snapshot: (userId) => {
      const participant = !userId || userId === engine.self.userId ? engine.self : engine.participants.get(userId);
      if (!participant) return Promise.reject(new RtcError('unknown-user'));
      return snapshotImage(participant.stream);
    },
    hangup: () => engine.leave(),
    reportError: (error) => {
      const rtcError = RtcError.is(error) ? error : new RtcError('unsupported', String(error), { cause: error });
      host.dispatchEvent(new RtcErrorEvent({ code: rtcError.code, message: rtcError.message, error: rtcError }));
    },
  };
}
