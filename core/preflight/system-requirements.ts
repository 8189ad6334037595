/**
 * `checkSystemRequirements()`: can this browser hold a call? For pages that want to know before
 * they show one (Tencent's `TRTC.checkSystemRequirements`, LiveKit's `isBrowserSupported`).
 */

/** What a call cannot do without. */
export type Requirement = 'secure-context' | 'webrtc' | 'get-user-media' | 'websocket' | 'video-codec' | 'audio-codec';

export interface SystemRequirements {
  /** Every requirement is met: a call can run here. */
  ok: boolean;
  /** The requirements that are not met, in the order above (empty when `ok`). */
  missing: Requirement[];
  /** https, or localhost: browsers give camera and microphone only there. */
  secureContext: boolean;
  /** `RTCPeerConnection`. */
  webrtc: boolean;
  /** Camera and microphone capture (`navigator.mediaDevices.getUserMedia`). */
  getUserMedia: boolean;
  webSocket: boolean;
  /** Screen sharing (`getDisplayMedia`; phones have none). Optional. */
  screenShare: boolean;
  /** Choosing the speaker (`HTMLMediaElement.setSinkId`; Safari and Firefox on phones have none). Optional. */
  speakerSelection: boolean;
  /** Web Audio, for level meters and the speaker test. Optional. */
  webAudio: boolean;
  /** Codecs the browser can both send and receive, as MIME types (`video/VP8`, `audio/opus`…); empty without WebRTC. */
  codecs: { video: string[]; audio: string[] };
}

/** The globals the check reads: the page's by default (tests pass a stand-in). */
export type BrowserScope = Partial<
  Pick<typeof globalThis, 'isSecureContext' | 'RTCPeerConnection' | 'RTCRtpSender' | 'RTCRtpReceiver' | 'WebSocket' | 'AudioContext' | 'HTMLMediaElement'>
> & { navigator?: Partial<Pick<Navigator, 'mediaDevices'>> };

/** A call needs one of these video codecs (the mesh and the SFU negotiate them) and Opus. */
const CALL_VIDEO_CODECS = ['video/VP8', 'video/H264', 'video/VP9', 'video/AV1'];

export async function checkSystemRequirements(scope: BrowserScope = globalThis): Promise<SystemRequirements> {
  const media = scope.navigator?.mediaDevices;
  const webrtc = typeof scope.RTCPeerConnection === 'function';
  const codecs = { video: commonCodecs(scope, 'video'), audio: commonCodecs(scope, 'audio') };
  const met: Record<Requirement, boolean> = {
    'secure-context': scope.isSecureContext === true,
    webrtc,
    'get-user-media': typeof media?.getUserMedia === 'function',
    websocket: typeof scope.WebSocket === 'function',
    'video-codec': codecs.video.some((codec) => CALL_VIDEO_CODECS.includes(codec)),
    'audio-codec': codecs.audio.includes('audio/opus'),
  };
  const missing = (Object.keys(met) as Requirement[]).filter((requirement) => !met[requirement]);
  return {
    ok: missing.length === 0,
    missing,
    secureContext: met['secure-context'],
    webrtc,
    getUserMedia: met['get-user-media'],
    webSocket: met.websocket,
    screenShare: typeof media?.getDisplayMedia === 'function',
    speakerSelection: typeof scope.HTMLMediaElement === 'function' && 'setSinkId' in scope.HTMLMediaElement.prototype,
    webAudio: typeof scope.AudioContext === 'function',
    codecs,
  };
}

/** MIME types in both the sender's and the receiver's capabilities (without rtx, red, ulpfec… which carry no media of their own). */
function commonCodecs(scope: BrowserScope, kind: 'audio' | 'video'): string[] {
  const mimeTypes = (capabilities: RTCRtpCapabilities | null | undefined) =>
    new Set((capabilities?.codecs ?? []).map((codec) => codec.mimeType).filter((type) => !/\/(rtx|red|ulpfec|flexfec-03|CN|telephone-event)$/i.test(type)));
  try {
    const send = mimeTypes(scope.RTCRtpSender?.getCapabilities?.(kind));
    const receive = mimeTypes(scope.RTCRtpReceiver?.getCapabilities?.(kind));
    return [...send].filter((type) => receive.has(type));
  } catch {
    return [];
  }
}
