/** Every timing and default the engine uses, in one place (LiveKit's defaults.ts habit). */
export const DEFAULTS = {
  /** WebSocket path on the server. */
  path: '/rtc',
  videoProfile: '360p_15',
  /** App-level ping; the socket counts as dead after `livenessFactor` intervals of silence. */
  pingIntervalMs: 5_000,
  livenessFactor: 2.5,
  /** How long a socket may take to open before the attempt counts as failed. */
  connectTimeoutMs: 10_000,
  /** How long the server may take to answer `join` (admission or resume). */
  joinTimeoutMs: 15_000,
  /**
   * How long the join frame waits for the camera and microphone, so others see the right state at once.
   * A permission prompt can take much longer: then we join with what we have and announce the rest later.
   */
  joinMediaWaitMs: 1_000,
  /** How long a request (chat, screen, kick, data) may wait for its ack while connected. */
  requestTimeoutMs: 10_000,
  /** `token-expiring` fires this long before the token's `exp`. */
  tokenExpiringMs: 60_000,
  /** Audio levels and active speaker: sampling period. */
  audioLevelIntervalMs: 200,
  /** A peer connection that stays `disconnected` this long gets an ICE restart. */
  iceRestartAfterDisconnectedMs: 2_500,
  /** An offer with no answer after this long is sent again (it may have been lost in a resume gap). */
  offerResendMs: 5_000,
  /** Audio capture defaults (voice call). */
  audioConstraints: { echoCancellation: true, noiseSuppression: true, autoGainControl: true } as MediaTrackConstraints,
  /** A tile's new size reaches the sender after it held still this long (resizes followed within a second). */
  viewSizeDebounceMs: 300,
  /** Screen share: what we ask the browser for and what we send at most. */
  screen: { frameRate: 15, maxBitrate: 2_500_000, maxFramerate: 15 },
  /** Opus at the bitrate Chromium aims for in a voice call: what a link carries for the microphone. */
  microphoneAimBps: 32_000,
} as const;
