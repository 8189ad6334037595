/**
 * The seam between the room logic and a media server (Janus; server/media/janus/). The hub stays free of
 * Node APIs: it only sees rooms and members here, and the Node side implements them. docs/media-server.md.
 */
import type { MediaSource, SfuStream } from '../../protocol/model.js';

/** A size in device pixels. */
export interface ViewSize {
  width: number;
  height: number;
}

/** One person of an SFU room, as the media server sees them: who they are and how to reach them. */
export interface MediaMember {
  readonly userId: string;
  /** A new offer for their receiving connection (first subscription, or people came or went). */
  offer(sdp: string, streams: SfuStream[]): void;
  /** Their display name as of now (a server recording writes it under their tile). */
  readonly name?: string;
}

/** One room on the media server; every id in it is the media server's own, never ours. */
export interface MediaRoom {
  /** False once the media server went away (the room's media is then lost). */
  readonly alive: boolean;
  /** Someone is in the room: they will receive whoever sends, as of now. */
  join(member: MediaMember): void;
  /** Their sending connection's offer (first or again): resolves with the media server's answer. */
  publish(userId: string, offer: string, sources: Record<string, MediaSource>): Promise<string>;
  /** Their answer to the last offer `offer()` gave them. */
  answer(userId: string, sdp: string): Promise<void>;
  // sfu2: simulcast by tile size
  /** `userId` shows `of`'s camera at `size` device pixels (0 × 0: not shown): their own subscription only. */
  view?(userId: string, of: string, size: ViewSize): void;
  /** The sizes of `userId`'s camera layers, top first (a media server without simulcast has no use for them). */
  cameraLayers?(userId: string, layers: ViewSize[]): void;
  /** They are out (left, kicked, timed out): everything of theirs on the media server ends now. */
  leave(userId: string): void;
  /** Nobody is left: the room goes from the media server (a recording under way is stopped and processed). */
  close(): void;
  // ——— Server recording (issue 11, docs/server.md#recordings) ———
  /** Records every stream from now on, as recording `recording.id`; rejects when this media server cannot record. */
  startRecording?(recording: MediaRecordingStart): Promise<void>;
  /** Stops the recording under way (none: nothing); the file is made in the background. */
  stopRecording?(): Promise<void>;
}

/** What a recording is: our id for it (its file's name) and when it started (server time). */
export interface MediaRecordingStart {
  id: string;
  startedAt: number;
}

export interface MediaServer {
  /**
   * A room on the media server for room `roomId`, or null when it is not available (the room uses the
   * mesh). `onLost` is called once if the media server goes away under it (Janus died); `onSpeaking`
   * whenever the media server finds someone started or stopped talking.
   */
  openRoom(roomId: string, onLost: () => void, onSpeaking?: (userId: string, speaking: boolean) => void): MediaRoom | null;
}
