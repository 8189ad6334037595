/** Browser-test helpers for call health: a slow uplink (a capped encoder) and a camera whose frames stop. */
import type { MediaSource } from '../rtc-client.js';

/**
 * Caps what one camera track's senders may send, as a slow uplink would: every `setParameters` on
 * them gets at most `maxBitrate`. `release()` hands each sender back what the engine last asked for.
 */
export function capSender(track: () => MediaStreamTrack | undefined, maxBitrate: number) {
  const original = RTCRtpSender.prototype.setParameters;
  const asked = new Map<RTCRtpSender, (number | undefined)[]>();
  let capped = true;
  RTCRtpSender.prototype.setParameters = function (this: RTCRtpSender, parameters: RTCRtpSendParameters, options?: RTCSetParameterOptions) {
    if (this.track && this.track === track()) {
      asked.set(this, parameters.encodings.map((e) => e.maxBitrate));
      if (capped) parameters = { ...parameters, encodings: parameters.encodings.map((e) => ({ ...e, maxBitrate: Math.min(e.maxBitrate ?? Infinity, maxBitrate) })) };
    }
    return original.call(this, parameters, options);
  };
  return {
    async release() {
      capped = false;
      RTCRtpSender.prototype.setParameters = original;
      for (const [sender, bitrates] of asked) {
        const parameters = sender.getParameters();
        parameters.encodings.forEach((e, i) => (e.maxBitrate = bitrates[i]));
        await sender.setParameters(parameters);
      }
    },
    restore() {
      RTCRtpSender.prototype.setParameters = original;
    },
  };
}

/** A camera drawn on a canvas by hand: frames stop while the track stays live when the drawing stops. */
export function canvasCamera() {
  const canvas = Object.assign(document.createElement('canvas'), { width: 320, height: 180 });
  const context = canvas.getContext('2d')!;
  let frame = 0;
  const draw = () => {
    context.fillStyle = `hsl(${(frame++ * 7) % 360} 70% 50%)`;
    context.fillRect(0, 0, canvas.width, canvas.height);
  };
  let timer: ReturnType<typeof setInterval> | undefined;
  const drawing = (on: boolean) => {
    clearInterval(timer);
    if (on) timer = setInterval(draw, 66);
  };
  drawing(true);
  const source: MediaSource = {
    // captureStream() without a rate makes a frame only when the canvas changes.
    getUserMedia: async () => new MediaStream(canvas.captureStream().getVideoTracks()),
    getDisplayMedia: () => Promise.reject(new DOMException('no screen here', 'NotAllowedError')),
    enumerateDevices: async () => [],
  };
  return { source, drawing, stop: () => drawing(false) };
}
