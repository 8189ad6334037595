import { css } from 'lit';
import { sharedStyles, token } from '../internal/shared.styles.js';

export const styles = [
  sharedStyles,
  css`
    :host {
      --reactions-button-size: ${token('control-size')};
      --reactions-button-background: ${token('color-control')};
      --reactions-button-color: ${token('color-on-control')};
      display: inline-block;
      color: ${token('color-text')};
    }
    .bar {
      display: flex;
      align-items: center;
      gap: var(--controls-gap, ${token('space-s')});
    }
    .button {
      flex: none;
      display: grid;
      place-items: center;
      width: var(--reactions-button-size);
      height: var(--reactions-button-size);
      padding: 0;
      border: 0;
      border-radius: ${token('radius-full')};
      background: var(--reactions-button-background);
      color: var(--reactions-button-color);
      box-shadow: 0 0 0 1px ${token('color-border')};
      cursor: pointer;
      transition: background-color ${token('transition')}, color ${token('transition')};
    }
    .button:hover {
      background: ${token('color-control-hover')};
    }
    .button[aria-pressed='true'] {
      background: ${token('color-accent')};
      color: ${token('color-on-accent')};
    }
    .button:disabled {
      opacity: 0.5;
      cursor: default;
    }
    .menu {
      position: fixed;
      top: 0;
      left: 0;
      z-index: 10;
      display: flex;
      gap: 2px;
      padding: ${token('space-xs')};
      border: 1px solid ${token('color-border')};
      border-radius: ${token('radius-full')};
      background: ${token('color-surface-raised')};
      box-shadow: ${token('shadow-raised')};
    }
    .emoji {
      width: 40px;
      height: 40px;
      padding: 0;
      border: 0;
      border-radius: 50%;
      background: transparent;
      font-size: 1.45rem;
      line-height: 1;
      cursor: pointer;
      transition: transform ${token('transition')};
    }
    .emoji:hover,
    .emoji:focus-visible {
      background: ${token('color-control-hover')};
      transform: scale(1.15);
    }
    @media (prefers-reduced-motion: reduce) {
      .emoji:hover,
      .emoji:focus-visible {
        transform: none;
      }
    }
  `,
];
