/**
 * The notices of the call view: "Reconnecting…" over the video while the link is down, and, while
 * you are alone, a bar above the video (it covers nothing) with the invite link and a copy button.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { RoomSnapshot } from '../context/room-state-context.js';
import type { StringKey } from '../i18n/strings.js';

type Translate = (key: StringKey, params?: Record<string, string | number>) => string;
export type CopyState = 'idle' | 'copied' | 'failed';

/** The room's link to hand out: `invite-url`, else the page's own address. */
export function inviteUrl(attribute: string): string {
  return attribute || (typeof location === 'undefined' ? '' : location.href);
}

export function isAlone(phase: string, snapshot: RoomSnapshot): boolean {
  return phase === 'joined' && snapshot.state === 'connected' && snapshot.participants.length === 1;
}

export function renderReconnecting(phase: string, snapshot: RoomSnapshot, t: Translate): TemplateResult | typeof nothing {
  if (phase !== 'joined' || snapshot.state !== 'reconnecting') return nothing;
  return html`<div part="banner" class="banner" role="status">${t('state.reconnecting')}</div>`;
}

/**
 * Copying goes through the Clipboard API; where it is refused (no permission, an insecure page) the
 * link is selected in its field so Ctrl+C or the phone's menu copies it.
 */
export async function copyInvite(url: string, field: HTMLInputElement | null): Promise<CopyState> {
  try {
    await navigator.clipboard.writeText(url);
    return 'copied';
  } catch {
    field?.focus();
    field?.select();
    return 'failed';
  }
}

export function renderWaiting(input: { url: string; copy: CopyState; t: Translate; onCopy: () => void }): TemplateResult {
  const { url, copy, t, onCopy } = input;
  return html`<div part="invite" class="invite">
    <span class="invite-title">${t('room.waiting')}</span>
    ${url
      ? html`<label class="invite-field"><span class="invite-hint">${t('invite.hint')}</span>
            <input part="invite-link" class="invite-link" readonly .value=${url} aria-label=${t('invite.link')}
              @focus=${(event: Event) => (event.target as HTMLInputElement).select()} /></label>
          <button part="copy-button" class="copy" type="button" @click=${onCopy}>${t(copy === 'copied' ? 'invite.copied' : 'invite.copy')}</button>
          ${copy === 'failed' ? html`<span class="invite-error">${t('invite.copyFailed')}</span>` : nothing}`
      : nothing}
  </div>`;
}
