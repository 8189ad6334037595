import { css } from 'lit';
import { sharedStyles, token } from '../internal/shared.styles.js';

export const styles = [
  sharedStyles,
  css`
    :host {
      --grid-gap: 8px;
      --grid-padding: ${token('space-s')};
      --grid-strip-height: clamp(72px, 20%, 150px);
      display: block;
      position: relative;
      min-height: 120px;
      overflow: hidden;
      color: ${token('color-text')};
      /* The size the layout math uses is the content box. */
      padding: var(--grid-padding);
    }
    .base {
      width: 100%;
      height: 100%;
      display: flex;
      flex-direction: column;
      align-items: center;
      justify-content: center;
      gap: var(--grid-gap);
    }
    .cells {
      display: flex;
      flex-wrap: wrap;
      justify-content: center;
      align-content: center;
      gap: var(--grid-gap);
      max-width: 100%;
    }
    .cells .cell {
      width: var(--tile-width);
      height: var(--tile-height);
    }
    .cell rtc-video-tile {
      width: 100%;
      height: 100%;
    }
    .pager {
      display: flex;
      align-items: center;
      gap: ${token('space-s')};
      height: 36px;
      font-size: ${token('font-size-s')};
      color: ${token('color-text-muted')};
    }
    .pager button {
      width: 36px;
      height: 36px;
      display: grid;
      place-items: center;
      padding: 0;
      border: 1px solid ${token('color-border')};
      border-radius: 50%;
      background: ${token('color-control')};
      color: ${token('color-on-control')};
      cursor: pointer;
    }
    .pager button:disabled {
      opacity: 0.4;
      cursor: default;
    }
    .pager .icon {
      width: 20px;
      height: 20px;
    }
    .stage {
      flex: 1 1 auto;
      width: 100%;
      min-height: 0;
      position: relative;
    }
    .stage rtc-video-tile {
      position: absolute;
      inset: 0;
    }
    /* Compact and centred on the stage: a card, not a screen. */
    .presenting {
      position: absolute;
      inset: 0;
      margin: auto;
      width: fit-content;
      height: fit-content;
      max-width: calc(100% - 2 * ${token('space-s')});
      max-height: 100%;
      display: flex;
      flex-direction: column;
      align-items: center;
      justify-content: center;
      gap: ${token('space-s')};
      padding: ${token('space-l')};
      border-radius: ${token('radius-m')};
      background: ${token('color-surface')};
      border: 1px solid ${token('color-border')};
      text-align: center;
      overflow: auto;
    }
    .presenting-icon .icon {
      width: 40px;
      height: 40px;
      color: ${token('color-accent')};
    }
    .presenting-title {
      margin: 0;
      font-size: ${token('font-size-l')};
    }
    .presenting-hint {
      margin: 0;
      max-width: 42ch;
      color: ${token('color-text-muted')};
      font-size: ${token('font-size-s')};
    }
    .presenting-actions {
      display: flex;
      flex-wrap: wrap;
      justify-content: center;
      gap: ${token('space-s')};
    }
    .presenting-button {
      display: inline-flex;
      align-items: center;
      gap: ${token('space-xs')};
      min-height: 40px;
      padding: 0 ${token('space-m')};
      border: 1px solid ${token('color-border')};
      border-radius: ${token('radius-full')};
      background: ${token('color-control')};
      color: ${token('color-on-control')};
      font: inherit;
      cursor: pointer;
    }
    .presenting-button.danger {
      border-color: transparent;
      background: ${token('color-danger')};
      color: ${token('color-on-danger')};
    }
    .presenting-button .icon {
      width: 20px;
      height: 20px;
    }
    .preview-bar {
      position: absolute;
      top: ${token('space-s')};
      left: 50%;
      transform: translateX(-50%);
      display: flex;
      gap: ${token('space-s')};
    }
    .strip {
      flex: none;
      display: flex;
      gap: var(--grid-gap);
      height: var(--grid-strip-height);
      max-width: 100%;
      overflow-x: auto;
      overscroll-behavior-x: contain;
      scrollbar-width: thin;
    }
    .strip .cell {
      flex: none;
      height: 100%;
      aspect-ratio: 16 / 9;
    }
  `,
];
