/**
 * Answer mode: the call rendered in the room's light DOM with the mini-program plugin's class hooks
 * (`content`, `pusher-view`, `player-view`, `mini`, `hidden`, `message`, `user-list`, `actions`,
 * `btn-*` …), so the page's own CSS restyles every part. Default looks: answer-styles.ts.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ref } from 'lit/directives/ref.js';
import type { Participant } from '../../core/types.js';
import { can, type Permission } from '../../protocol/permissions.js';
import type { RoomCommands } from '../context/room-commands-context.js';
import type { RoomSnapshot } from '../context/room-state-context.js';
import type { StringKey } from '../i18n/strings.js';
import { icon, type IconName } from '../internal/icons.js';
import { attachMedia } from '../internal/media-directive.js';
import { avatarHue, displayName, initials } from '../internal/participant-display.js';
import { visible, type AnswerAction, type RoomConfig } from './room-config.js';
import type { PhoneCall } from './phone-call.js';
import type { RoomPhase } from './room-phase.js';
import '../i18n/en-later.js';

export interface AnswerViewInput {
  snapshot: RoomSnapshot;
  phase: RoomPhase;
  config: RoomConfig;
  /** A phone's call ringing in or out (phone-call.ts). */
  phoneCall?: PhoneCall;
  audioBlocked: boolean;
  t: (key: StringKey, params?: Record<string, string | number>) => string;
  commands: RoomCommands;
  accept(): void;
  decline(): void;
  hangup(): void;
  snapshotMain(): void;
  /** Runs a user action, reporting a failure as `rtc-error`. */
  run(task: () => Promise<unknown>): void;
  unlockAudio(): void;
}

/** The `screenname`/`full|flex`/`namespace` classes of the answer root. */
export function answerRootClass(screenname: string, namespace: string, fullscreen: boolean): string {
  return `${screenname} ${fullscreen ? 'full' : 'flex'} ${namespace}`;
}

export function renderAnswer(input: AnswerViewInput): TemplateResult {
  const { phase, config, t, phoneCall } = input;
  if (phoneCall && (phase === 'ringing' || phase === 'calling')) return renderPhoneCall(phoneCall, t);
  if (phase === 'calling') {
    const keys = ringingKeys(input.accept, input.decline);
    return html`<div class="content" @keydown=${keys}><div class="message calling">${config.displayInfo?.calling?.information || t('call.incoming')}</div></div>
      <div class="actions" @keydown=${keys} ${ref(focusFirstAction)}>
        ${action('btn-accept', 'hangup', t('call.accept'), input.accept)}
        ${action('btn-hangup', 'hangup', t('call.decline'), input.decline)}
      </div>`;
  }
  if (phase === 'left') {
    return html`<div class="content"><div class="message end">${config.displayInfo?.end?.information || t('call.ended')}</div></div>`;
  }
  if (phase !== 'joined') return html`<div class="content"><div class="message">${t('state.connecting')}</div></div>`;
  return html`${renderViews(input)}${renderUserList(input)}${renderActions(input)}
    ${input.audioBlocked
      ? html`<button type="button" class="audio-unlock" @click=${input.unlockAudio}>${icon('speaker')}<span>${t('audio.enable')}</span></button>`
      : nothing}`;
}

/** A phone's call: "Li Lei is calling" with accept (video, audio only) and decline, or "Calling Li Lei…" with cancel. */
function renderPhoneCall(call: PhoneCall, t: AnswerViewInput['t']): TemplateResult {
  const name = call.peer;
  if (call.direction === 'outgoing') {
    const keys = ringingKeys(null, () => call.decline());
    return html`<div class="content" @keydown=${keys}><div class="message calling outgoing" role="status">${t('phone.calling', { name })}</div></div>
      <div class="actions" @keydown=${keys} ${ref(focusFirstAction)}>${action('btn-hangup', 'hangup', t('phone.cancel'), () => call.decline())}</div>`;
  }
  const keys = ringingKeys(() => call.accept(call.video), () => call.decline());
  return html`<div class="content" @keydown=${keys}><div class="message calling incoming" role="status">
      ${t('phone.isCalling', { name })}<span class="kind">${t(call.video ? 'phone.incomingVideo' : 'phone.incomingAudio')}</span>
    </div></div>
    <div class="actions" @keydown=${keys} ${ref(focusFirstAction)}>
      ${action('btn-accept', 'hangup', t(call.video ? 'phone.acceptVideo' : 'phone.acceptAudio'), () => call.accept(call.video))}
      ${call.video ? action('btn-accept-audio', 'microphone', t('phone.acceptAudio'), () => call.accept(false)) : nothing}
      ${action('btn-hangup', 'hangup', t('call.decline'), () => call.decline())}
    </div>`;
}

/**
 * The keys of a call page, as on the phone's panels: Escape declines (cancels one ringing out), Enter
 * accepts as the call asks (a focused button does its own thing on Enter).
 */
function ringingKeys(accept: (() => void) | null, decline: () => void) {
  return (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      decline();
    } else if (accept && event.key === 'Enter' && !(event.target as Element).closest('button')) {
      event.preventDefault();
      accept();
    }
  };
}

/** Call pages that took the focus already: each takes it once, when it shows. */
const focusedPages = new WeakSet<Element>();

/** A call page takes the focus when it shows (its first button: accept, or cancel), as the phone's panels do. */
function focusFirstAction(actions: Element | undefined): void {
  // lit calls this again when another room renders a page (one callback for all): only a new page takes it.
  if (!actions || focusedPages.has(actions)) return;
  focusedPages.add(actions);
  // Called as the actions element is committed: its buttons are rendered right after.
  queueMicrotask(() => actions.querySelector<HTMLElement>('.btn')?.focus());
}

function renderViews({ snapshot, config, t }: AnswerViewInput): TemplateResult {
  const self = snapshot.self;
  const remotes = snapshot.participants.filter((p) => !p.local);
  const localMain = snapshot.mainUserId !== null && snapshot.mainUserId === self?.userId;
  const player = remotes.find((p) => p.userId === snapshot.mainUserId) ?? remotes[0];
  const pusherConfig = config.answer?.pusher;
  const playerConfig = config.answer?.player;
  // One view floats small: the local one unless the config or a tap on the user list says otherwise.
  const pusherMini = localMain ? false : (pusherConfig?.isMini ?? !(playerConfig?.isMini ?? false));
  const playerMini = localMain || !pusherMini;
  const fit = visible(config.displayInfo?.showFullScreen, false) ? 'contain' : 'cover';
  const playerScreen = !!player && player.userId === snapshot.screenSharerId && !!player.screenStream;
  const playerStream = player ? (playerScreen ? player.screenStream : player.stream) : null;
  const playerVideo = player && (playerScreen || (player.media.video && liveVideo(player.stream)));
  const pusherVideo = self && self.media.video && liveVideo(self.stream);
  return html`<div class="content">
    <div class=${classes('player-view', { mini: playerMini && !!player, hidden: !visible(playerConfig) })} data-user-id=${player?.userId ?? nothing}>
      ${player ? html`<video class="live-player" ${attachMedia(playerStream)} autoplay playsinline muted .muted=${true}
        data-fit=${playerScreen ? 'contain' : fit} ?hidden=${!playerVideo}></video>` : nothing}
      ${!player ? html`<div class="message">${t('room.waiting')}</div>` : !playerVideo ? personMessage(player, snapshot, t('tile.guest')) : nothing}
    </div>
    ${self
      ? html`<div class=${classes('pusher-view', { mini: pusherMini, hidden: !visible(pusherConfig) })} data-user-id=${self.userId}>
          <video class="live-pusher" ${attachMedia(self.stream)} autoplay playsinline muted .muted=${true} data-fit=${fit}
            ?hidden=${!pusherVideo}></video>
          ${pusherVideo ? nothing : personMessage(self, snapshot, t('tile.guest'))}
        </div>`
      : nothing}
  </div>`;
}

function renderUserList({ snapshot, config, commands, t }: AnswerViewInput): TemplateResult | typeof nothing {
  if (!visible(config.answer?.users)) return nothing;
  return html`<div class="user-list" role="group" aria-label=${t('grid.label')}>
    ${snapshot.participants.map((p) => {
      const selected = p.userId === snapshot.mainUserId;
      const avatar = snapshot.profiles[p.userId]?.avatar;
      const name = displayName(p, snapshot.profiles[p.userId], t('tile.guest'));
      return html`<button type="button" class=${classes('user-list-item', { selected, hand: p.handRaised })}
        aria-pressed=${selected ? 'true' : 'false'} data-user-id=${p.userId} @click=${() => commands.pin(p.userId)}>
        ${avatar ? html`<img class="user-list-item-avatar" src=${avatar} alt="" />` : nothing}
        <span class="user-list-item-text">${p.local ? t('tile.you', { name }) : name}</span>
        ${p.handRaised ? html`<i class="user-list-item-hand" role="img" aria-label=${t('tile.hand')}>${icon('hand')}</i>` : nothing}
      </button>`;
    })}
  </div>`;
}

function renderActions(input: AnswerViewInput): TemplateResult {
  const { snapshot, config, commands, t, run } = input;
  const media = snapshot.self?.media;
  const may = (permission: Permission) => !snapshot.self || can(snapshot.self.role, permission);
  const shown = (name: AnswerAction, available = true) => available && visible(config.answer?.actions?.[name]);
  return html`<div class="actions">
    ${shown('mute', may('publish-audio'))
      ? action('btn-mute', media?.audio ? 'microphone' : 'microphone-off', t('controls.microphone'), () => run(() => commands.toggleMicrophone()), !!media?.audio)
      : nothing}
    ${shown('enableCamera', may('publish-video'))
      ? action('btn-camera', media?.video ? 'camera' : 'camera-off', t('controls.camera'), () => run(() => commands.toggleCamera()), !!media?.video)
      : nothing}
    ${shown('hangup') ? action('btn-hangup', 'hangup', t('controls.hangup'), input.hangup) : nothing}
    ${shown('switchCamera', may('publish-video') && snapshot.devices.cameras.length > 1)
      ? action('btn-switch-camera', 'switch-camera', t('controls.switchCamera'), () => run(() => commands.switchCamera()))
      : nothing}
    ${shown('screenshot') ? action('btn-screenshot', 'snapshot', t('controls.snapshot'), input.snapshotMain) : nothing}
    ${shown('speaker')
      ? action('btn-speaker', snapshot.speakerOn ? 'speaker' : 'speaker-off', t('controls.speaker'), () => commands.toggleSpeaker(), snapshot.speakerOn)
      : nothing}
    ${shown('switchScreenCapture', may('publish-screen') && !!navigator.mediaDevices?.getDisplayMedia)
      ? action('btn-screen', 'screen', t('controls.screen'), () => run(() => commands.toggleScreenShare()), !!media?.screen, false)
      : nothing}
  </div>`;
}

/** One `.action` slot with its `.btn`; toggles announce their state, and a device that is off gets its icon `.disable`. */
function action(name: string, iconName: IconName, label: string, onClick: () => void, on?: boolean, markOff = true): TemplateResult {
  return html`<div class="action">
    <button type="button" class="btn ${name}" aria-label=${label} title=${label}
      aria-pressed=${on === undefined ? nothing : on ? 'true' : 'false'} @click=${onClick}>
      <i class=${classes('icon', { disable: markOff && on === false })}>${icon(iconName)}</i>
    </button>
  </div>`;
}

function personMessage(p: Participant, snapshot: RoomSnapshot, guest: string): TemplateResult {
  const name = displayName(p, snapshot.profiles[p.userId], guest);
  const avatar = snapshot.profiles[p.userId]?.avatar;
  return html`<div class="message">
    ${avatar
      ? html`<img class="message-avatar" src=${avatar} alt="" />`
      : html`<span class="message-avatar" style="--hue: ${avatarHue(p.userId)}" aria-hidden="true">${initials(name) || icon('people')}</span>`}
    <span class="message-text">${name}</span>
  </div>`;
}

function liveVideo(stream: MediaStream | null): boolean {
  return stream?.getVideoTracks().some((track) => track.readyState === 'live') ?? false;
}

function classes(base: string, flags: Record<string, boolean>): string {
  return [base, ...Object.keys(flags).filter((name) => flags[name])].join(' ');
}
