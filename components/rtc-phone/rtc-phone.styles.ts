import { css, unsafeCSS } from 'lit';
import { darkTokens, lightTokens, tokenDeclarations } from '../../themes/tokens.js';
import { sharedStyles, token } from '../internal/shared.styles.js';

const light = unsafeCSS(tokenDeclarations(lightTokens));
const dark = unsafeCSS(tokenDeclarations(darkTokens));

export const styles = [
  sharedStyles,
  css`
    :host([theme='light']),
    :host([theme='auto']) {
      ${light}
    }
    :host([theme='dark']) {
      ${dark}
    }
    @media (prefers-color-scheme: dark) {
      :host([theme='auto']) {
        ${dark}
      }
    }
    :host {
      --phone-background: rgba(17, 20, 26, 0.94);
      --phone-color: #fff;
      --phone-accept-color: ${token('color-speaking')};
      --phone-decline-color: ${token('color-danger')};
      --phone-z-index: ${token('z-layer')};
      display: block;
      position: relative;
    }
    :host([mode='flex']) {
      height: 100%;
    }
    /* Full screen (and answer mode's notices): over the page, as a phone's call screen. */
    .panel {
      position: fixed;
      inset: 0;
      z-index: var(--phone-z-index);
      display: flex;
      flex-direction: column;
      align-items: center;
      justify-content: center;
      gap: ${token('space-m')};
      padding: ${token('space-xl')};
      background: var(--phone-background);
      backdrop-filter: blur(12px);
      color: var(--phone-color);
      text-align: center;
      outline: none;
    }
    /* On a wide screen the call rings in a card at the top right, with the page still in view. */
    @media (min-width: 720px) {
      :host(:not([mode='flex'])) .panel {
        inset: ${token('space-xl')} ${token('space-xl')} auto auto;
        width: 380px;
        padding-block: 40px ${token('space-xl')};
        border-radius: ${token('radius-l')};
        box-shadow: 0 16px 48px rgba(0, 0, 0, 0.35);
      }
    }
    :host([mode='flex']) .panel {
      position: absolute;
      min-height: 320px;
    }
    .avatar {
      width: 112px;
      height: 112px;
      border-radius: 50%;
      display: grid;
      place-items: center;
      overflow: hidden;
      font-size: 40px;
      font-weight: 600;
      color: #fff;
      background: oklch(0.55 0.13 var(--hue, 250));
      box-shadow: 0 0 0 0 oklch(0.7 0.13 var(--hue, 250) / 0.6);
      animation: ring 1.6s ease-out infinite;
    }
    .avatar img {
      width: 100%;
      height: 100%;
      object-fit: cover;
    }
    .avatar .icon,
    .avatar svg {
      width: 50%;
      height: 50%;
    }
    @keyframes ring {
      to {
        box-shadow: 0 0 0 28px oklch(0.7 0.13 var(--hue, 250) / 0);
      }
    }
    @media (prefers-reduced-motion: reduce) {
      .avatar {
        animation: none;
      }
    }
    .name {
      margin: ${token('space-m')} 0 0;
      font-size: 1.6rem;
      font-weight: 600;
      overflow-wrap: anywhere;
    }
    .kind,
    .hint {
      margin: 0;
      display: inline-flex;
      align-items: center;
      gap: ${token('space-s')};
      opacity: 0.8;
    }
    .kind svg,
    .hint svg {
      width: 1.2em;
      height: 1.2em;
    }
    .hint {
      opacity: 1;
      padding: ${token('space-s')} ${token('space-l')};
      border-radius: ${token('radius-full')};
      background: rgba(255, 255, 255, 0.12);
    }
    .actions {
      display: flex;
      justify-content: center;
      gap: ${token('space-l')};
      margin-top: ${token('space-xl')};
      flex-wrap: wrap;
    }
    .action {
      display: flex;
      flex-direction: column;
      align-items: center;
      gap: ${token('space-s')};
      width: 96px;
    }
    .label {
      font-size: ${token('font-size-s')};
      line-height: 1.3;
    }
    .button {
      width: 64px;
      height: 64px;
      border: 0;
      border-radius: 50%;
      display: grid;
      place-items: center;
      cursor: pointer;
      color: #fff;
      background: rgba(255, 255, 255, 0.18);
    }
    .button svg {
      width: 30px;
      height: 30px;
    }
    .button:hover {
      filter: brightness(1.1);
    }
    .button:focus-visible {
      outline: 3px solid #fff;
      outline-offset: 3px;
    }
    .accept {
      background: var(--phone-accept-color);
    }
    .decline,
    .cancel {
      background: var(--phone-decline-color);
    }
    .notice {
      position: fixed;
      z-index: var(--phone-z-index);
      top: ${token('space-l')};
      left: ${token('space-l')};
      right: ${token('space-l')};
      width: fit-content;
      margin-inline: auto;
      display: flex;
      align-items: center;
      gap: ${token('space-m')};
      padding: ${token('space-s')} ${token('space-s')} ${token('space-s')} ${token('space-l')};
      border-radius: ${token('radius-full')};
      background: var(--phone-background);
      color: var(--phone-color);
      box-shadow: 0 6px 24px rgba(0, 0, 0, 0.25);
    }
    :host([mode='flex']) .notice {
      position: absolute;
    }
    .close {
      width: 32px;
      height: 32px;
      border: 0;
      border-radius: 50%;
      background: rgba(255, 255, 255, 0.14);
      cursor: pointer;
      font-size: 1.2rem;
      line-height: 1;
    }
    ::slotted(rtc-room) {
      height: 100%;
    }
  `,
];
