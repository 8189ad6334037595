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
      --room-background: ${token('color-bg')};
      --room-color: ${token('color-text')};
      --room-min-height: 240px;
      --room-z-index: ${token('z-layer')};
      --room-panel-width: 360px;
      display: block;
      position: relative;
      width: 100%;
      height: 100%;
      min-height: var(--room-min-height);
      overflow: hidden;
      background: var(--room-background);
      color: var(--room-color);
      font-size: ${token('font-size-m')};
    }
    :host([mode='fullscreen']),
    :host([fullscreen]) {
      position: fixed;
      inset: 0;
      z-index: var(--room-z-index);
      width: auto;
      height: auto;
      min-height: 0;
    }
    :host([mode='fullscreen'][phase='left']:not([fullscreen])) {
      display: none;
    }
    :host([mode='answer']) {
      background: none;
      overflow: visible;
    }
    .room {
      position: absolute;
      inset: 0;
      display: flex;
      flex-direction: column;
      container-type: size;
      padding: env(safe-area-inset-top) env(safe-area-inset-right) env(safe-area-inset-bottom) env(safe-area-inset-left);
    }
    .header {
      flex: none;
      display: flex;
      align-items: baseline;
      justify-content: space-between;
      gap: ${token('space-m')};
      padding: ${token('space-m')} ${token('space-l')} 0;
      font-size: ${token('font-size-s')};
      color: ${token('color-text-muted')};
    }
    .title {
      color: ${token('color-text')};
      font-weight: ${token('font-weight-strong')};
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .count {
      flex: none;
    }
    .body {
      flex: 1 1 auto;
      min-height: 0;
      position: relative;
      display: flex;
    }
    .main {
      flex: 1 1 auto;
      min-width: 0;
      min-height: 0;
      position: relative;
      display: flex;
      flex-direction: column;
    }
    .main rtc-video-grid,
    ::slotted(rtc-video-grid) {
      flex: 1 1 auto;
      min-height: 0;
    }
    rtc-controls {
      flex: none;
      padding-bottom: ${token('space-xs')};
    }
    .panel {
      flex: none;
      position: relative;
      width: min(var(--room-panel-width), 45%);
      margin: ${token('space-s')} ${token('space-s')} 0 0;
      display: flex;
      flex-direction: column;
      overflow: hidden;
      border: 1px solid ${token('color-border')};
      border-radius: ${token('radius-m')};
      background: ${token('color-surface')};
    }
    .panel[hidden] {
      display: none;
    }
    .panel > rtc-chat,
    .panel > rtc-participants {
      flex: 1 1 auto;
      min-height: 0;
    }
    .panel-close {
      position: absolute;
      top: 4px;
      inset-inline-end: 4px;
      width: 36px;
      height: 36px;
      border: 0;
      border-radius: 50%;
      background: transparent;
      color: ${token('color-text-muted')};
      font-size: 22px;
      line-height: 1;
      cursor: pointer;
    }
    .panel-close:hover {
      background: ${token('color-control-hover')};
      color: ${token('color-text')};
    }
    h2 {
      margin: 0;
      font-size: ${token('font-size-xl')};
      font-weight: ${token('font-weight-strong')};
      line-height: 1.25;
    }
    .muted {
      margin: 0;
      color: ${token('color-text-muted')};
    }
    .field {
      display: flex;
      flex-direction: column;
      gap: ${token('space-xs')};
      width: 100%;
      font-size: ${token('font-size-s')};
      color: ${token('color-text-muted')};
    }
    input {
      height: 44px;
      padding: 0 ${token('space-m')};
      border: 1px solid ${token('color-border')};
      border-radius: ${token('radius-s')};
      background: ${token('color-surface')};
      color: ${token('color-text')};
      font: inherit;
      font-size: ${token('font-size-m')};
    }
    .primary {
      min-height: 44px;
      padding: 0 ${token('space-xl')};
      border: 0;
      border-radius: ${token('radius-full')};
      background: ${token('color-accent')};
      color: ${token('color-on-accent')};
      font-weight: ${token('font-weight-strong')};
      cursor: pointer;
    }
    .primary:disabled {
      opacity: 0.6;
      cursor: progress;
    }
    .banner {
      position: absolute;
      top: 44px;
      left: 50%;
      transform: translateX(-50%);
      max-width: calc(100% - 32px);
      padding: 6px 14px;
      border-radius: ${token('radius-full')};
      background: ${token('color-label')};
      color: ${token('color-on-label')};
      font-size: ${token('font-size-s')};
      white-space: nowrap;
      overflow: hidden;
      text-overflow: ellipsis;
      pointer-events: none;
    }
    .audio-unlock {
      position: absolute;
      top: 44px;
      left: 50%;
      transform: translateX(-50%);
      z-index: 3;
      display: flex;
      align-items: center;
      gap: ${token('space-s')};
      min-height: 44px;
      padding: 0 ${token('space-l')};
      border: 0;
      border-radius: ${token('radius-full')};
      background: ${token('color-accent')};
      color: ${token('color-on-accent')};
      font-weight: ${token('font-weight-strong')};
      box-shadow: ${token('shadow-raised')};
      cursor: pointer;
    }
    .error {
      position: absolute;
      left: 50%;
      bottom: 84px;
      transform: translateX(-50%);
      z-index: 4;
      width: max-content;
      max-width: calc(100% - 32px);
      display: flex;
      align-items: center;
      gap: ${token('space-m')};
      padding: ${token('space-s')} ${token('space-s')} ${token('space-s')} ${token('space-l')};
      border-radius: ${token('radius-m')};
      border-inline-start: 4px solid ${token('color-danger')};
      background: ${token('color-surface-raised')};
      color: ${token('color-text')};
      box-shadow: ${token('shadow-raised')};
    }
    .dismiss {
      flex: none;
      width: 36px;
      height: 36px;
      border: 0;
      border-radius: 50%;
      background: transparent;
      font-size: 22px;
      line-height: 1;
      cursor: pointer;
    }
    .audio {
      display: none;
    }
    /* Narrow rooms (phones): the panel covers the video instead of squeezing it. */
    @container (max-width: 720px) {
      .panel {
        position: absolute;
        inset: 0;
        z-index: 2;
        width: auto;
        margin: 0;
        border-radius: 0;
        border-width: 0 0 1px;
      }
    }
    @container (max-width: 640px) {
      .header {
        padding: ${token('space-s')} ${token('space-m')} 0;
      }
    }
  `,
];
