/**
 * The page before joining: the camera preview with its microphone and camera buttons, the name
 * and, when the server asks for one, the password; what blocks the devices and how to allow them;
 * the error of the last try; the device check (`<rtc-device-check>`, a chunk of its own). Join stays
 * in view in any box down to 320×240 (lobby-styles.ts).
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { RtcError } from '../../core/errors.js';
import type { Participant } from '../../core/types.js';
import type { StringKey } from '../i18n/strings.js';
import { icon } from '../internal/icons.js';
import { errorWords } from './error-words.js';
import { ALLOW_STEPS, type BrowserFamily, type Denied } from './media-access.js';

/** `needed`: the server asked and nothing was typed; `wrong`: what was typed did not match. */
export type PasswordPrompt = 'needed' | 'wrong' | null;

export interface LobbyViewInput {
  t: (key: StringKey, params?: Record<string, string | number>) => string;
  self: Participant | null;
  /** The name the preview shows. */
  name: string | undefined;
  room: string;
  joining: boolean;
  viewer: boolean;
  /** The microphone the person wants at joining (the engine does not open it before; the device check's meter listens). */
  audio: boolean;
  /** The camera the person wants at joining. */
  video: boolean;
  /** The join token, if the page gave one: the connectivity check asks the server's STUN/TURN with it. */
  token: string;
  /** Ask for a name (no token and no `user-name`). */
  askName: boolean;
  userName: string;
  password: string;
  passwordPrompt: PasswordPrompt;
  denied: Denied;
  browser: BrowserFamily;
  /** The last try's error, shown in the lobby (not as a toast, which could cover Join). */
  error: RtcError | undefined;
  toggleMicrophone(): void;
  toggleCamera(): void;
  setName(name: string): void;
  setPassword(password: string): void;
  join(): void;
  retryMedia(): void;
  dismissError(): void;
}

export function renderLobby(input: LobbyViewInput): TemplateResult {
  const { t, self, joining } = input;
  return html`<section part="lobby" class="lobby" aria-labelledby="lobby-title">
    <div class="lobby-card">
      <div part="preview" class="preview">
        ${self ? html`<rtc-video-tile .participant=${{ ...self, media: { ...self.media, audio: input.audio && !input.denied.microphone } }}
          name=${input.name || nothing}></rtc-video-tile>` : nothing}
        ${input.viewer ? nothing : renderDeviceButtons(input)}
      </div>
      <form class="lobby-form" @submit=${(event: Event) => {
        event.preventDefault();
        input.join();
      }}>
        <div class="lobby-details">
          <h2 id="lobby-title">${t('lobby.title')}</h2>
          ${input.room ? html`<p class="muted lobby-room">${t('lobby.room', { room: input.room })}</p>` : nothing}
          ${input.viewer ? nothing : renderDenied(input)}
          ${input.error ? renderError(input.error, input) : nothing}
          ${input.askName
            ? html`<label class="field"><span>${t('lobby.name')}</span>
                <input name="name" autocomplete="name" maxlength="64" .value=${input.userName}
                  @input=${(event: Event) => input.setName((event.target as HTMLInputElement).value.trim())} /></label>`
            : nothing}
          ${input.passwordPrompt ? renderPassword(input) : nothing}
          ${input.viewer ? nothing : renderDeviceCheck(input)}
        </div>
        <button part="join-button" class="primary" type="submit" ?disabled=${joining}>
          ${t(joining ? 'lobby.joining' : 'lobby.join')}</button>
      </form>
    </div>
  </section>`;
}

function renderDeviceButtons({ t, self, audio, denied, toggleMicrophone, toggleCamera }: LobbyViewInput): TemplateResult {
  // A blocked device shows as off, whatever the person asked for: that is what joining would give them.
  const micOn = audio && !denied.microphone;
  const cameraOn = Boolean(self?.media.video) && !denied.camera;
  const title = (blocked: boolean, on: boolean, kind: 'microphone' | 'camera') =>
    blocked ? t(kind === 'microphone' ? 'lobby.microphoneBlocked' : 'lobby.cameraBlocked') : t(`controls.${kind}.${on ? 'on' : 'off'}`);
  return html`<div class="preview-controls">
    <button class="round ${micOn ? '' : 'off'} ${denied.microphone ? 'blocked' : ''}" type="button" data-device="microphone"
      aria-label=${t('controls.microphone')} aria-pressed=${micOn ? 'true' : 'false'}
      aria-describedby=${denied.microphone ? 'lobby-denied' : nothing} title=${title(denied.microphone, micOn, 'microphone')}
      @click=${toggleMicrophone}>${icon(micOn ? 'microphone' : 'microphone-off')}</button>
    <button class="round ${cameraOn ? '' : 'off'} ${denied.camera ? 'blocked' : ''}" type="button" data-device="camera"
      aria-label=${t('controls.camera')} aria-pressed=${cameraOn ? 'true' : 'false'}
      aria-describedby=${denied.camera ? 'lobby-denied' : nothing} title=${title(denied.camera, cameraOn, 'camera')}
      @click=${toggleCamera}>${icon(cameraOn ? 'camera' : 'camera-off')}</button>
  </div>`;
}

/** One line: lit keeps a template's whitespace in the bundle. */
function renderDeviceCheck({ audio, video, token, denied }: LobbyViewInput): TemplateResult {
  return html`<rtc-device-check .audio=${audio} .video=${video} .token=${token} ?microphone-blocked=${denied.microphone}></rtc-device-check>`;
}

function renderDenied({ t, denied, browser, retryMedia }: LobbyViewInput): TemplateResult | typeof nothing {
  if (!denied.camera && !denied.microphone) return nothing;
  const what: StringKey = denied.camera && denied.microphone ? 'media.denied.both' : denied.camera ? 'media.denied.camera' : 'media.denied.microphone';
  return html`<div part="media-denied" class="notice" id="lobby-denied" role="alert" data-browser=${browser}>
    <p class="notice-title">${t(what)}</p>
    <p>${t(ALLOW_STEPS[browser])}</p>
    <p>${t('media.withoutHint')}</p>
    <button part="media-retry" class="secondary" type="button" @click=${retryMedia}>${t('media.retry')}</button>
  </div>`;
}

function renderError(error: RtcError, { t, dismissError }: LobbyViewInput): TemplateResult {
  const { cause, next } = errorWords(error, t);
  return html`<div part="error" class="notice" role="alert" data-code=${error.code}>
    <p class="notice-title">${cause}</p>
    ${next ? html`<p>${next}</p>` : nothing}
    <button type="button" class="dismiss" aria-label=${t('error.dismiss')} title=${t('error.dismiss')} @click=${dismissError}>×</button>
  </div>`;
}

function renderPassword({ t, password, passwordPrompt, setPassword }: LobbyViewInput): TemplateResult {
  const wrong = passwordPrompt === 'wrong';
  return html`<label class="field"><span>${t('lobby.password')}</span>
    <input name="password" type="password" autocomplete="current-password" maxlength="128" .value=${password}
      aria-invalid=${wrong ? 'true' : 'false'} aria-describedby="lobby-password-hint"
      @input=${(event: Event) => setPassword((event.target as HTMLInputElement).value)} />
    <span id="lobby-password-hint" class=${wrong ? 'field-error' : ''} role=${wrong ? 'alert' : nothing}>
      ${t(wrong ? 'lobby.passwordWrong' : 'lobby.passwordNeeded')}</span></label>`;
}
