/**
 * RtcClient: one room session. Public surface fixed here; bodies are being implemented.
 * See core/types.ts for the data model and events.
 */
import { Emitter } from './emitter.js';
import type { ChatMessage } from '../protocol/model.js';
import type {
  ConnectionState, DeviceKind, DeviceList, Participant, ParticipantStats, RtcClientEvents,
} from './types.js';

export interface JoinOptions {
  password?: string;
  /** Start with the microphone on (default true; always false for viewers). */
  audio?: boolean;
  /** Start with the camera on (default true; always false for viewers). */
  video?: boolean;
}

export interface RtcClientOptions {
  /** Server base URL (http, https, ws or wss). Defaults to the page's origin. */
  server?: string;
  /** WebSocket path on the server; default `/rtc`. */
  path?: string;
  /** Opens the signaling socket; replace to run over the in-page loopback. */
  connect?: (url: string) => WebSocketLike;
  /** Extra ICE servers, used beside those the server hands out. */
  iceServers?: RTCIceServer[];
  /** Camera preset name (see core/media/profiles.ts) or explicit constraints; default `360p_15`. */
  videoProfile?: string;
  videoConstraints?: MediaTrackConstraints;
  audioConstraints?: MediaTrackConstraints;
  /** Where media comes from; replace for synthetic media (stories, tests without devices). */
  mediaSource?: MediaSource;
  /** Interval for `stats` events in ms; 0 turns them off (default). */
  statsInterval?: number;
}

/** The subset of WebSocket the signaling client uses. */
export interface WebSocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number; reason: string }) => void) | null;
  onerror: ((event: unknown) => void) | null;
}

/** Capture and device enumeration, as navigator.mediaDevices offers them. */
export interface MediaSource {
  getUserMedia(constraints: MediaStreamConstraints): Promise<MediaStream>;
  getDisplayMedia(options?: DisplayMediaStreamOptions): Promise<MediaStream>;
  enumerateDevices(): Promise<MediaDeviceInfo[]>;
  addEventListener?(type: 'devicechange', listener: () => void): void;
  removeEventListener?(type: 'devicechange', listener: () => void): void;
}

export class RtcClient extends Emitter<RtcClientEvents> {
  constructor(readonly options: RtcClientOptions = {}) {
    super();
  }

  get state(): ConnectionState { throw new Error('todo'); }
  get roomId(): string | null { throw new Error('todo'); }
  /** The local participant; exists before join for a preview. */
  get self(): Participant { throw new Error('todo'); }
  /** Remote participants by user id, in join order. */
  get participants(): ReadonlyMap<string, Participant> { throw new Error('todo'); }
  get activeSpeaker(): string | null { throw new Error('todo'); }
  get screenSharer(): string | null { throw new Error('todo'); }
  get selectedDevices(): Partial<Record<DeviceKind, string>> { throw new Error('todo'); }
  get messages(): readonly ChatMessage[] { throw new Error('todo'); }
  get hands(): readonly string[] { throw new Error('todo'); }

  join(_token: string, _options?: JoinOptions): Promise<void> { throw new Error('todo'); }
  leave(): Promise<void> { throw new Error('todo'); }
  setMicrophone(_on: boolean): Promise<void> { throw new Error('todo'); }
  setCamera(_on: boolean): Promise<void> { throw new Error('todo'); }
  shareScreen(_on: boolean): Promise<void> { throw new Error('todo'); }
  listDevices(): Promise<DeviceList> { throw new Error('todo'); }
  selectDevice(_kind: DeviceKind, _deviceId: string): Promise<void> { throw new Error('todo'); }
  /** Move to the next camera (front/back on phones). */
  switchCamera(): Promise<void> { throw new Error('todo'); }
  getStats(): Promise<ReadonlyMap<string, ParticipantStats>> { throw new Error('todo'); }
  /** Host only. */
  kick(_userId: string): Promise<void> { throw new Error('todo'); }
  sendMessage(_text: string, _options?: { to?: string[] }): Promise<ChatMessage> { throw new Error('todo'); }
  sendData(_payload: unknown, _options?: { to?: string[] }): Promise<void> { throw new Error('todo'); }
  raiseHand(_raised: boolean): Promise<void> { throw new Error('todo'); }
  /** Host only: lower someone else's hand. */
  lowerHand(_userId: string): Promise<void> { throw new Error('todo'); }
  sendReaction(_emoji: string): Promise<void> { throw new Error('todo'); }
}
