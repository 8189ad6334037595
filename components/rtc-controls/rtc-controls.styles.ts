import { css } from 'lit';
import { sharedStyles, token } from '../internal/shared.styles.js';

export const styles = [
  sharedStyles,
  css`
    :host {
      --controls-gap: ${token('space-s')};
      --controls-button-size: ${token('control-size')};
      --controls-button-background: ${token('color-control')};
      --controls-button-color: ${token('color-on-control')};
      --controls-off-background: ${token('color-danger')};
      --controls-off-color: ${token('color-on-danger')};
      display: block;
      container-type: inline-size;
      color: ${token('color-text')};
    }
    .bar {
      display: flex;
      align-items: center;
      justify-content: safe center;
      gap: var(--controls-gap);
      padding: ${token('space-s')};
    }
    .split {
      display: flex;
      align-items: center;
      border-radius: ${token('radius-full')};
      background: var(--controls-button-background);
      box-shadow: 0 0 0 1px ${token('color-border')};
    }
    .button,
    .menu-button,
    ::slotted(button) {
      position: relative;
      flex: none;
      display: grid;
      place-items: center;
      width: var(--controls-button-size);
      height: var(--controls-button-size);
      padding: 0;
      border: 0;
      border-radius: ${token('radius-full')};
      background: var(--controls-button-background);
      color: var(--controls-button-color);
      cursor: pointer;
      transition: background-color ${token('transition')}, color ${token('transition')};
    }
    .button:not(.split .button) {
      box-shadow: 0 0 0 1px ${token('color-border')};
    }
    .button:hover,
    .menu-button:hover {
      background: ${token('color-control-hover')};
    }
    .button[aria-pressed='true']:not(.microphone, .camera) {
      background: ${token('color-accent')};
      color: ${token('color-on-accent')};
    }
    .more[aria-expanded='true'] {
      background: ${token('color-control-hover')};
    }
    .button.danger,
    .button.danger:hover {
      background: var(--controls-off-background);
      color: var(--controls-off-color);
      box-shadow: none;
    }
    .button.danger:hover {
      filter: brightness(1.08);
    }
    .hangup {
      width: calc(var(--controls-button-size) * 1.4);
    }
    rtc-reactions {
      --reactions-button-size: var(--controls-button-size);
      --reactions-button-background: var(--controls-button-background);
      --reactions-button-color: var(--controls-button-color);
      flex: none;
    }
    .menu-button {
      width: calc(var(--controls-button-size) * 0.55);
      margin-inline-start: -2px;
      background: transparent;
    }
    .menu-button .icon {
      width: 18px;
      height: 18px;
    }
    .menu-button[aria-expanded='true'] .icon {
      transform: rotate(180deg);
    }
    .badge {
      position: absolute;
      top: -4px;
      right: -4px;
      min-width: 20px;
      height: 20px;
      padding: 0 5px;
      border-radius: ${token('radius-full')};
      background: ${token('color-accent')};
      color: ${token('color-on-accent')};
      font-size: 0.75rem;
      line-height: 20px;
      text-align: center;
    }
    .button[aria-pressed='true'] .badge {
      background: ${token('color-on-accent')};
      color: ${token('color-accent')};
    }
    .menu {
      position: fixed;
      top: 0;
      left: 0;
      z-index: 10;
      min-width: 220px;
      max-width: min(340px, calc(100vw - 16px));
      max-height: min(60vh, 420px);
      overflow-y: auto;
      padding: ${token('space-xs')};
      border-radius: ${token('radius-m')};
      background: ${token('color-surface-raised')};
      color: ${token('color-text')};
      box-shadow: ${token('shadow-raised')};
      border: 1px solid ${token('color-border')};
      font-size: ${token('font-size-m')};
    }
    .menu-heading {
      padding: ${token('space-s')} ${token('space-m')} ${token('space-xs')};
      color: ${token('color-text-muted')};
      font-size: ${token('font-size-s')};
      font-weight: ${token('font-weight-strong')};
    }
    .menu-empty {
      padding: ${token('space-xs')} ${token('space-m')};
      color: ${token('color-text-muted')};
    }
    .menu-item {
      display: flex;
      align-items: center;
      gap: ${token('space-s')};
      width: 100%;
      min-height: 40px;
      padding: ${token('space-xs')} ${token('space-m')} ${token('space-xs')} ${token('space-s')};
      border: 0;
      border-radius: ${token('radius-s')};
      background: transparent;
      text-align: start;
      cursor: pointer;
    }
    .menu-item:hover,
    .menu-item:focus-visible {
      background: ${token('color-control-hover')};
    }
    .menu-item .icon {
      width: 18px;
      height: 18px;
      color: ${token('color-accent')};
    }
    .menu-label {
      flex: 1;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .more-menu {
      /* Taller than a device menu: on a phone the whole list fits above the bar. */
      max-height: min(80vh, 560px);
    }
    .more-menu .menu-item {
      min-height: 44px;
    }
    .more-menu .menu-item > .icon {
      width: 20px;
      height: 20px;
      color: inherit;
    }
    .more-menu .menu-item.danger > .icon {
      color: ${token('color-danger')};
    }
    .menu-item .badge {
      position: static;
    }
    .menu-check {
      display: grid;
      color: ${token('color-accent')};
    }
    .menu-item[aria-disabled='true'] {
      opacity: 0.5;
      cursor: default;
    }
    .menu-reactions {
      display: grid;
      grid-template-columns: repeat(4, 1fr);
      gap: 2px;
      padding-bottom: ${token('space-xs')};
      margin-bottom: ${token('space-xs')};
      border-bottom: 1px solid ${token('color-border')};
    }
    .menu-reactions:not(:first-child) {
      padding-top: ${token('space-xs')};
      margin-top: ${token('space-xs')};
      border-top: 1px solid ${token('color-border')};
    }
    .menu-reactions:last-child {
      padding-bottom: 0;
      margin-bottom: 0;
      border-bottom: 0;
    }
    .emoji {
      height: 44px;
      padding: 0;
      border: 0;
      border-radius: ${token('radius-s')};
      background: transparent;
      font-size: 1.45rem;
      line-height: 1;
      cursor: pointer;
    }
    .emoji:hover,
    .emoji:focus-visible {
      background: ${token('color-control-hover')};
    }
    .emoji[aria-disabled='true'] {
      opacity: 0.5;
      cursor: default;
    }
    @container (max-width: 440px) {
      .bar {
        --controls-button-size: 44px;
        --controls-gap: 4px;
        padding: ${token('space-xs')};
      }
      .hangup {
        width: var(--controls-button-size);
      }
    }
  `,
];
