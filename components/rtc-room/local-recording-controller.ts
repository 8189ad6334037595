/**
 * The room's side of recording, a chunk of its own that loads when the call starts: the local
 * recording (started, paused, resumed, stopped by the room's methods or the More menu's button; the
 * recorder itself another chunk, loaded at the first recording), and who in the room records
 * (`RoomState.recorders`, from the server) or whether the server records the room (`RoomState.serverRecording`,
 * issue 11): the `recording` attribute, the header's mark, the notice
 * when someone starts, the download notice when the local file is ready.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { RtcClient } from '../../core/rtc-client.js';
import type { ServerRecordingState } from '../../protocol/model.js';
import { RtcError } from '../../core/errors.js';
import type { Clock } from '../internal/clock.js';
import type { StringKey } from '../i18n/strings.js';
import type { RtcEvent } from '../events/rtc-event.js';
import { RtcLocalRecordingEvent, type LocalRecordingState } from '../events/rtc-local-recording.js';
import { RtcRecordingChangeEvent } from '../events/rtc-recording-change.js';
import type { LocalRecorder } from '../internal/recording/local-recorder.js';
import { recordingStyles } from './recording.styles.js';
import '../i18n/en-later.js';

/** How long the "X started recording" notice stays (the header's mark stays while they record). */
const STARTED_NOTICE_MS = 8000;

export interface RecordingHost extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
  /** Lit's: the read-only `recording` and `localRecording` properties are re-read (and reflected) on these. */
  requestUpdate(name?: PropertyKey, oldValue?: unknown): void;
  readonly engine: RtcClient | undefined;
  readonly clock: Clock;
}

export interface RecordingDeps {
  t: (key: StringKey, params?: Record<string, string | number>) => string;
  emit: (event: RtcEvent<unknown>) => boolean;
  announce: (text: string) => void;
  /** The name the file is called after (the room's title or id). */
  roomName: () => string;
}

type Notice = { kind: 'started'; text: string } | { kind: 'ready'; url: string; fileName: string };

let recorderModule: Promise<typeof import('../internal/recording/local-recorder.js')> | undefined;
const loadRecorder = () => (recorderModule ??= import('../internal/recording/local-recorder.js').catch((cause: unknown) => {
  recorderModule = undefined;
  throw new RtcError('network', 'The recorder could not be loaded.', { cause });
}));

/** The mark's and the notices' styles come with this chunk (the room's own styles stay first-paint only). */
function adoptRecordingStyles(root: HTMLElement | DocumentFragment): void {
  const sheet = recordingStyles.styleSheet;
  if (!(root instanceof ShadowRoot) || !sheet || root.adoptedStyleSheets.includes(sheet)) return;
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}

/** `room-2026-12-01-1304.webm`: the room and the local date and time it ended, safe as a file name everywhere. */
export function recordingFileName(room: string, date: Date, type: string): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const stamp = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}-${pad(date.getHours())}${pad(date.getMinutes())}`;
  const safe = room.replace(/[\\/:*?"<>|\s]+/g, '-').replace(/^-+|-+$/g, '') || 'call';
  return `${safe}-${stamp}.${type.includes('mp4') ? 'mp4' : 'webm'}`;
}

export class LocalRecordingController implements ReactiveController {
  #engine: RtcClient | undefined;
  #off: (() => void)[] = [];
  #recorder: LocalRecorder | undefined;
  #starting: Promise<void> | undefined;
  #state: LocalRecordingState = 'inactive';
  #recorders: readonly string[] = [];
  #server: ServerRecordingState | null = null;
  #notice: Notice | undefined;
  #noticeTimer: unknown;

  constructor(
    private readonly host: RecordingHost,
    private readonly deps: RecordingDeps,
  ) {
    host.addController(this);
    adoptRecordingStyles(host.renderRoot);
    // Made once the call started: what the room state says already counts.
    this.#follow(host.engine);
  }

  /** The local recording's state. */
  get state(): LocalRecordingState {
    return this.#state;
  }

  /** Who in the room records, oldest first (the local user too). */
  get recorders(): readonly string[] {
    return this.#recorders;
  }

  /** Anyone records: someone on their device, or the server. */
  get recording(): boolean {
    return this.#recorders.length > 0 || !!this.#server;
  }

  hostUpdate(): void {
    this.#follow(this.host.engine);
  }

  hostDisconnected(): void {
    this.#follow(undefined);
    this.#clearNotice();
  }

  /** Records the call as it shows in the room; the room is told first (no one records without everyone knowing). */
  async start(): Promise<void> {
    if (this.#state !== 'inactive') return;
    if (this.#starting) return this.#starting;
    this.#starting = this.#start().finally(() => (this.#starting = undefined));
    return this.#starting;
  }

  async #start(): Promise<void> {
    const engine = this.host.engine;
    if (!engine || engine.state !== 'connected') throw new RtcError('not-joined', 'Join the call before recording it.');
    const { LocalRecorder } = await loadRecorder();
    await engine.setRecording(true);
    try {
      this.#recorder = new LocalRecorder({
        view: this.host,
        audio: () => [engine.self, ...engine.participants.values()].flatMap((p) => [p.stream, p.screenStream]).filter((s): s is MediaStream => !!s),
      });
    } catch (error) {
      void engine.setRecording(false).catch(() => {});
      throw error;
    }
    this.#setState('recording');
  }

  pause(): void {
    if (this.#state !== 'recording') return;
    this.#recorder!.pause();
    this.#setState('paused');
  }

  resume(): void {
    if (this.#state !== 'paused') return;
    this.#recorder!.resume();
    this.#setState('recording');
  }

  /** Ends the recording: resolves with the file, offered for download unless the page cancels `rtc-local-recording`. */
  async stop(): Promise<Blob> {
    await this.#starting?.catch(() => {});
    const recorder = this.#recorder;
    if (!recorder) throw new RtcError('not-joined', 'Nothing is being recorded.');
    this.#recorder = undefined;
    const engine = this.host.engine;
    if (engine?.state === 'connected') void engine.setRecording(false).catch(() => {});
    const file = await recorder.stop();
    const fileName = recordingFileName(this.deps.roomName(), new Date(this.host.clock.now()), file.type);
    this.#state = 'inactive';
    this.host.requestUpdate('localRecording', 'recording');
    if (this.deps.emit(new RtcLocalRecordingEvent({ state: 'inactive', file, fileName }))) {
      this.#show({ kind: 'ready', url: URL.createObjectURL(file), fileName });
    }
    return file;
  }

  /** The More menu's button: starts, or stops (the file then waits in the download notice). */
  async toggle(): Promise<void> {
    if (this.#state === 'inactive') await this.start();
    else await this.stop();
  }

  /** The header's mark while anyone records (the server too: its label then says so). */
  renderMark() {
    if (!this.recording) return nothing;
    const names = [...this.#recorders.map((id) => this.#name(id)), ...(this.#server ? [this.deps.t('recording.server')] : [])].join(', ');
    const label = this.deps.t('recording.markLabel', { names });
    return html`<span part="recording-mark" class="recording-mark" role="img" aria-label=${label} title=${label}
      ><span class="recording-dot" aria-hidden="true"></span><span aria-hidden="true">${this.deps.t('recording.mark')}</span></span>`;
  }

  /** The notice: someone started recording, or our file is ready to download. */
  renderNotice() {
    const notice = this.#notice;
    if (!notice) return nothing;
    const close = html`<button type="button" class="dismiss" aria-label=${this.deps.t('recording.dismiss')} title=${this.deps.t('recording.dismiss')}
      @click=${() => this.#clearNotice()}>×</button>`;
    if (notice.kind === 'started') {
      return html`<div part="recording-notice" class="recording-notice" role="status"><span>${notice.text}</span>${close}</div>`;
    }
    return html`<div part="recording-notice" class="recording-notice" role="status">
      <span>${this.deps.t('recording.ready')}</span>
      <a part="recording-download" class="recording-download" href=${notice.url} download=${notice.fileName}>${this.deps.t('recording.download')}</a>${close}
    </div>`;
  }

  #setState(state: LocalRecordingState): void {
    const previous = this.#state;
    this.#state = state;
    this.host.requestUpdate('localRecording', previous === 'inactive' ? null : previous);
    this.deps.emit(new RtcLocalRecordingEvent({ state }));
  }

  #follow(engine: RtcClient | undefined): void {
    if (engine === this.#engine) return;
    this.#off.forEach((off) => off());
    this.#engine = engine;
    this.#off = engine
      ? [
          engine.on('room-state', ({ state }) => {
            this.#setRecorders(state.recorders ?? []);
            this.#setServerRecording(state.serverRecording ?? null);
          }),
          engine.on('left', () => {
            this.#setRecorders([]);
            this.#setServerRecording(null, false);
            // Leaving ends the recording; the file is kept, not lost with the call.
            if (this.#recorder) void this.stop().catch(() => {});
          }),
        ]
      : [];
    this.#setRecorders(engine?.roomState?.recorders ?? []);
    this.#setServerRecording(engine?.roomState?.serverRecording ?? null);
  }

  #setRecorders(recorders: readonly string[]): void {
    const before = this.#recorders;
    if (before.length === recorders.length && before.every((id, i) => id === recorders[i])) return;
    this.#recorders = [...recorders];
    this.host.requestUpdate('recording', before.length > 0 || !!this.#server);
    const self = this.#engine?.self.userId;
    for (const id of recorders.filter((id) => !before.includes(id))) {
      const text = id === self ? this.deps.t('recording.startedSelf') : this.deps.t('recording.started', { name: this.#name(id) });
      this.deps.announce(text);
      this.#show({ kind: 'started', text });
    }
    this.deps.emit(new RtcRecordingChangeEvent({ recording: this.recording, userIds: [...recorders] }));
  }

  /** The server started or stopped recording the room: everyone is told, also on joining while it records. */
  #setServerRecording(recording: ServerRecordingState | null, tell = true): void {
    const before = this.#server;
    if (before?.startedAt === recording?.startedAt && before?.by === recording?.by) return;
    const wasRecording = this.recording;
    this.#server = recording && { ...recording };
    this.host.requestUpdate('recording', wasRecording);
    if (tell) {
      const text = recording
        ? this.deps.t('recording.serverStarted', { name: this.#name(recording.by) })
        : this.deps.t('recording.serverStopped');
      this.deps.announce(text);
      this.#show({ kind: 'started', text });
    }
    this.deps.emit(new RtcRecordingChangeEvent({ recording: this.recording, userIds: [...this.#recorders] }));
  }

  #name(userId: string): string {
    const engine = this.#engine;
    if (userId === engine?.self.userId) return this.deps.t('recording.self');
    return engine?.participants.get(userId)?.name || userId;
  }

  #show(notice: Notice): void {
    // A file waiting to be downloaded is not pushed away by someone else starting.
    if (this.#notice?.kind === 'ready' && notice.kind === 'started') return;
    this.#clearNotice();
    this.#notice = notice;
    if (notice.kind === 'started') this.#noticeTimer = this.host.clock.setTimeout(() => this.#clearNotice(), STARTED_NOTICE_MS);
    this.host.requestUpdate();
  }

  #clearNotice(): void {
    if (this.#noticeTimer !== undefined) this.host.clock.clearTimeout(this.#noticeTimer);
    this.#noticeTimer = undefined;
    if (this.#notice?.kind === 'ready') {
      const url = this.#notice.url;
      // The link's download may still be reading the file: let go of it a little later.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    }
    if (this.#notice) this.host.requestUpdate();
    this.#notice = undefined;
  }
}
