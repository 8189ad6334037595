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
      --room-min-height: 320px;
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
    .lobby,
    .left {
      position: absolute;
      inset: 0;
      display: grid;
      place-items: center;
      padding: ${token('space-l')};
      overflow: auto;
    }
    .lobby-card {
      display: grid;
      grid-template-columns: minmax(0, 1.5fr) minmax(220px, 1fr);
      align-items: center;
      gap: ${token('space-xl')};
      width: min(920px, 100%);
    }
    .preview {
      position: relative;
      aspect-ratio: 16 / 9;
      border-radius: ${token('radius-l')};
      overflow: hidden;
      background: ${token('color-tile')};
      box-shadow: ${token('shadow-raised')};
    }
    .preview rtc-video-tile {
      position: absolute;
      inset: 0;
      --tile-radius: 0;
    }
    /* The name goes up, clear of the preview's buttons. */
    .preview rtc-video-tile::part(label) {
      top: ${token('space-s')};
      bottom: auto;
    }
    .preview-controls {
      position: absolute;
      left: 50%;
      bottom: ${token('space-m')};
      transform: translateX(-50%);
      display: flex;
      gap: ${token('space-m')};
    }
    .round {
      width: ${token('control-size')};
      height: ${token('control-size')};
      display: grid;
      place-items: center;
      padding: 0;
      border: 0;
      border-radius: 50%;
      background: ${token('color-control')};
      color: ${token('color-on-control')};
      cursor: pointer;
      box-shadow: 0 0 0 1px ${token('color-border')};
    }
    .round.off {
      background: ${token('color-danger')};
      color: ${token('color-on-danger')};
      box-shadow: none;
    }
    .lobby-form {
      display: flex;
      flex-direction: column;
      align-items: flex-start;
      gap: ${token('space-m')};
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
    .left {
      align-content: center;
      gap: ${token('space-l')};
      text-align: center;
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
      .lobby-card {
        grid-template-columns: 1fr;
        gap: ${token('space-l')};
      }
      .lobby-form {
        align-items: stretch;
      }
      .header {
        padding: ${token('space-s')} ${token('space-m')} 0;
      }
    }
  `,
];
