import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { LevelMeter } from '../../core/audio/level-meter.js';
import { checkConnectivity, type ConnectivityReport } from '../../core/preflight/connectivity-check.js';
import type { DeviceKind, DeviceList } from '../../core/types.js';
import { RtcConnectivityCheckEvent } from '../events/rtc-connectivity-check.js';
import { deviceCheckEn } from '../i18n/device-check.en.js';
import { deviceCheckZhCN } from '../i18n/device-check.zh-cn.js';
import { addChunkStrings, type AnyStringKey } from '../i18n/strings.js';
import { icon } from '../internal/icons.js';
import { RtcElement } from '../internal/rtc-element.js';
import { forgetChoices, rememberChoice, restoreDevices } from './choices-store.js';
import { styles } from './rtc-device-check.styles.js';
import { playTestSound } from './test-sound.js';

addChunkStrings({ en: deviceCheckEn, 'zh-CN': deviceCheckZhCN });

const NO_DEVICES: DeviceList = { cameras: [], microphones: [], speakers: [] };
/** How often the meter reads the microphone (ms): smooth enough to see speech, cheap enough to forget. */
const METER_INTERVAL_MS = 100;

/**
 * @summary The lobby's device check: a live microphone level, camera, microphone and speaker pickers,
 * a speaker test, and a connectivity check against the server with its verdict in words. `<rtc-room>`
 * shows it in its lobby (it loads as a chunk of its own); the choices are remembered for next time.
 * @status experimental
 * @since 0.1
 *
 * @event {RtcConnectivityCheckEvent} rtc-connectivity-check - The connectivity check finished: `{ report }` (`report.verdict`: `good`, `slow`, `no-relay`, `no-media`, `no-signaling`).
 *
 * @csspart meter - The microphone level (`role="meter"`, 0–100).
 * @csspart settings - The disclosure with the pickers, the speaker test and the connectivity check.
 * @csspart picker - Each device picker (a `<select>`; also `picker-camera`, `picker-microphone`, `picker-speaker`).
 * @csspart speaker-test - The speaker test's button.
 * @csspart check-button - Starts the connectivity check.
 * @csspart steps - What each step of the check found.
 * @csspart verdict - The check's verdict in words (`data-verdict` holds the word).
 * @csspart forget-button - Forgets the remembered choices.
 *
 * @cssproperty [--device-check-meter-color=var(--rtc-color-success)] - The level bar's colour.
 */
export class RtcDeviceCheck extends RtcElement {
  static override styles = styles;

  /** Selects the devices remembered from last time that are still plugged in (the room calls it before its preview opens). */
  static restoreDevices = restoreDevices;

  /** The microphone is wanted at joining: the meter listens to it (and the choice is remembered). */
  @property({ type: Boolean }) audio = false;

  /** The camera is wanted at joining (the choice is remembered). */
  @property({ type: Boolean }) video = false;

  /** The browser refuses the microphone: the meter stays still (the lobby says how to allow it). */
  @property({ type: Boolean, attribute: 'microphone-blocked' }) microphoneBlocked = false;

  /** A join token, for the server's STUN and TURN servers (a server with a secret hands them out only with one). */
  @property() token = '';

  /** The last connectivity check's verdict (reflected, read-only); unset before one ran. */
  @property({ reflect: true }) verdict: ConnectivityReport['verdict'] | undefined;

  /** A connectivity check is running (reflected, read-only). */
  @property({ type: Boolean, reflect: true }) checking = false;

  @state() private level = 0;
  @state() private devices: DeviceList = NO_DEVICES;
  @state() private report: ConnectivityReport | null = null;
  @state() private speakerTest: 'idle' | 'playing' | 'played' = 'idle';
  @state() private forgotten = false;

  readonly #meter = new LevelMeter();
  #meterTimer: ReturnType<typeof setInterval> | undefined;
  #microphone: MediaStreamTrack | null = null;
  /** The microphone id the meter's track was opened for ('' = the default). */
  #meterDevice: string | undefined;
  #offDeviceChange?: () => void;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopMeter();
    this.#offDeviceChange?.();
    this.#offDeviceChange = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed as Map<PropertyKey, unknown>);
    // Only what the person changed is remembered, not what the page started with (see remembered-choices.ts).
    if (changed.has('audio') && changed.get('audio') !== undefined) rememberChoice({ audio: this.audio });
    if (changed.has('video') && changed.get('video') !== undefined) rememberChoice({ video: this.video });
  }

  protected override updated(): void {
    const engine = this.client;
    if (engine && !this.#offDeviceChange) {
      this.#offDeviceChange = engine.on('device-change', ({ devices }) => (this.devices = devices));
      void this.#listDevices();
    }
    void this.#followMicrophone();
  }

  async #listDevices(): Promise<void> {
    const devices = await this.client?.listDevices().catch(() => null);
    if (devices) this.devices = devices;
  }

  /** Keeps the meter's own capture on the chosen microphone while it is wanted, and off otherwise. */
  async #followMicrophone(): Promise<void> {
    const wanted = this.audio && !this.microphoneBlocked && this.isConnected;
    const deviceId = this.#selected('microphone') ?? '';
    if (!wanted) return this.#stopMeter();
    if (this.#meterDevice === deviceId) return;
    this.#stopMeter();
    this.#meterDevice = deviceId;
    let track: MediaStreamTrack | undefined;
    try {
      // The engine's media source: synthetic media in stories and tests, the browser's devices otherwise.
      const source = this.client?.options.mediaSource ?? navigator.mediaDevices;
      const stream = await source.getUserMedia({ audio: deviceId ? { deviceId: { exact: deviceId } } : true });
      track = stream.getAudioTracks()[0];
    } catch {
      // Refused or busy: the lobby tells why at joining; the meter stays at zero.
    }
    if (!track) return;
    if (this.#meterDevice !== deviceId) return track.stop(); // changed again while opening
    this.#microphone = track;
    this.#meter.setTrack(track);
    this.#meterTimer = setInterval(() => (this.level = toPercent(this.#meter.level())), METER_INTERVAL_MS);
    // With access granted the devices get their names.
    void this.#listDevices();
  }

  #stopMeter(): void {
    clearInterval(this.#meterTimer);
    this.#meterTimer = undefined;
    this.#meter.setTrack(null);
    this.#microphone?.stop();
    this.#microphone = null;
    this.#meterDevice = undefined;
    if (this.level) this.level = 0;
  }

  /** The device in use or chosen, else the first of its kind. */
  #selected(kind: DeviceKind): string | undefined {
    const list = this.#list(kind);
    return this.snapshot?.selectedDevices[kind] ?? this.client?.selectedDevices[kind] ?? list[0]?.deviceId;
  }

  #list(kind: DeviceKind): MediaDeviceInfo[] {
    return kind === 'camera' ? this.devices.cameras : kind === 'microphone' ? this.devices.microphones : this.devices.speakers;
  }

  async #choose(kind: DeviceKind, deviceId: string): Promise<void> {
    rememberChoice({ [kind]: deviceId });
    this.forgotten = false;
    try {
      await (this.commands?.selectDevice(kind, deviceId) ?? this.client?.selectDevice(kind, deviceId));
    } catch (error) {
      this.commands?.reportError(error);
    }
    this.requestUpdate();
  }

  async #testSpeaker(): Promise<void> {
    this.speakerTest = 'playing';
    try {
      await playTestSound(canChooseSpeaker() ? this.#selected('speaker') : undefined);
    } finally {
      this.speakerTest = 'played';
    }
  }

  async #runCheck(): Promise<void> {
    const engine = this.client;
    this.checking = true;
    this.report = null;
    try {
      const { server, path, connect, iceServers } = engine?.options ?? {};
      this.report = await checkConnectivity({ server, path, connect, iceServers, token: this.token || undefined });
      this.verdict = this.report.verdict;
      this.emit(new RtcConnectivityCheckEvent({ report: this.report }));
    } finally {
      this.checking = false;
    }
  }

  #forget(): void {
    forgetChoices();
    this.forgotten = true;
  }

  protected override render(): TemplateResult {
    const t = (key: AnyStringKey, params?: Record<string, string | number>) => this.i18n.t(key, params);
    const listening = this.audio && !this.microphoneBlocked;
    return html`<div class="meter-row">
        ${icon(listening ? 'microphone' : 'microphone-off')}
        <div part="meter" class="meter" role="meter" aria-label=${t(listening ? 'check.meter' : 'check.meterOff')}
          aria-valuemin="0" aria-valuemax="100" aria-valuenow=${this.level} style="--level: ${this.level}%"></div>
      </div>
      <details part="settings" class="settings">
        <summary>${icon('chevron-right')}${t('check.heading')}</summary>
        <div class="settings-body">
          ${this.#picker('camera', t('check.camera'))}
          ${this.#picker('microphone', t('check.microphone'))}
          ${canChooseSpeaker() ? this.#picker('speaker', t('check.speaker')) : nothing}
          <div class="row">
            <button part="speaker-test" class="secondary" type="button" ?disabled=${this.speakerTest === 'playing'}
              @click=${() => void this.#testSpeaker()}>${icon('speaker')}${t(this.speakerTest === 'playing' ? 'check.playing' : 'check.testSpeaker')}</button>
          </div>
          <p class="muted" role="status">${this.speakerTest === 'played' ? t('check.heard') : nothing}</p>
          ${this.#renderCheck(t)}
          <div class="row">
            <button part="forget-button" class="link" type="button" @click=${() => this.#forget()}>${t('check.forget')}</button>
            <span class="muted" role="status">${this.forgotten ? t('check.forgotten') : nothing}</span>
          </div>
        </div>
      </details>`;
  }

  #picker(kind: DeviceKind, label: string): TemplateResult {
    const list = this.#list(kind);
    const selected = this.#selected(kind);
    return html`<label class="field"><span>${label}</span>
      <select part="picker picker-${kind}" data-kind=${kind} ?disabled=${list.length === 0}
        @change=${(event: Event) => void this.#choose(kind, (event.target as HTMLSelectElement).value)}>
        ${list.length === 0 ? html`<option value="">${this.i18n.t('devices.none')}</option>` : nothing}
        ${list.map((device, index) => html`<option value=${device.deviceId} ?selected=${device.deviceId === selected}>
          ${device.label || this.i18n.t('devices.unnamed', { kind: label, index: index + 1 })}</option>`)}
      </select></label>`;
  }

  #renderCheck(t: (key: AnyStringKey, params?: Record<string, string | number>) => string): TemplateResult {
    const report = this.report;
    const result = (ok: boolean | undefined, extra?: string) =>
      ok === undefined ? t('check.result.skipped') : `${t(ok ? 'check.result.ok' : 'check.result.failed')}${extra ? ` (${extra})` : ''}`;
    return html`<div class="row">
        <button part="check-button" class="secondary" type="button" ?disabled=${this.checking} aria-busy=${this.checking ? 'true' : 'false'}
          @click=${() => void this.#runCheck()}>${t(this.checking ? 'check.running' : report ? 'check.again' : 'check.run')}</button>
      </div>
      ${report
        ? html`<dl part="steps" class="steps">
            <dt>${t('check.step.signaling')}</dt><dd data-ok=${String(report.signaling)}>${result(report.signaling)}</dd>
            <dt>${t('check.step.ice')}</dt><dd data-ok=${String(!!report.path)}>${result(report.signaling ? !!report.path : undefined,
              report.path ? t(report.path === 'direct' ? 'check.path.direct' : 'check.path.relayed') : undefined)}</dd>
            <dt>${t('check.step.bitrate')}</dt><dd>${report.bitrateKbps === null ? t('check.result.skipped') : speed(report.bitrateKbps, t)}</dd>
          </dl>`
        : nothing}
      <p part="verdict" class="verdict" role="status" data-verdict=${report?.verdict ?? nothing}>${report ? t(`check.verdict.${report.verdict}`) : nothing}</p>`;
  }
}

/** kbit/s up to a thousand, then Mbit/s (a loopback pair carries a hundred thousand). */
function speed(kbps: number, t: (key: AnyStringKey, params?: Record<string, string | number>) => string): string {
  return kbps < 1000 ? t('check.kbps', { kbps }) : t('check.mbps', { mbps: Math.round(kbps / 100) / 10 });
}

/** RMS 0..1 to a meter's 0..100 on a -60..0 dBFS scale: speech moves it, silence leaves it at the bottom. */
function toPercent(rms: number): number {
  if (rms <= 0.001) return 0;
  return Math.max(0, Math.min(100, Math.round(((20 * Math.log10(rms) + 60) / 60) * 100)));
}

function canChooseSpeaker(): boolean {
  return typeof HTMLMediaElement !== 'undefined' && 'setSinkId' in HTMLMediaElement.prototype;
}
