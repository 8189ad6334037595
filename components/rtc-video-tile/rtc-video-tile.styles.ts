import { css } from 'lit';
import { sharedStyles, token } from '../internal/shared.styles.js';

export const styles = [
  sharedStyles,
  css`
    :host {
      --tile-radius: ${token('radius-m')};
      --tile-background: ${token('color-tile')};
      --tile-speaking-color: ${token('color-speaking')};
      --tile-speaking-width: 3px;
      --tile-label-background: ${token('color-label')};
      --tile-label-color: ${token('color-on-label')};
      --tile-video-fit: cover;
      --tile-hand-color: #ffb84d;
      display: block;
      position: relative;
      min-width: 0;
      min-height: 0;
      container-type: size;
      color: ${token('color-text')};
    }
    .tile {
      position: absolute;
      inset: 0;
      overflow: hidden;
      border-radius: var(--tile-radius);
      background: var(--tile-background);
    }
    .tile::after {
      content: '';
      position: absolute;
      inset: 0;
      border-radius: inherit;
      pointer-events: none;
      box-shadow: inset 0 0 0 0 transparent;
      transition: box-shadow ${token('transition')};
    }
    :host([speaking]) .tile::after {
      box-shadow: inset 0 0 0 var(--tile-speaking-width) var(--tile-speaking-color);
    }
    .video {
      width: 100%;
      height: 100%;
      display: block;
      object-fit: var(--tile-video-fit);
      background: #000;
    }
    .contain .video {
      object-fit: contain;
    }
    .mirrored .video {
      transform: scaleX(-1);
    }
    .placeholder {
      position: absolute;
      inset: 0;
      display: grid;
      place-items: center;
    }
    .avatar {
      --size: clamp(32px, 34cqmin, 120px);
      width: var(--size);
      height: var(--size);
      border-radius: 50%;
      object-fit: cover;
    }
    .initials {
      display: grid;
      place-items: center;
      background: oklch(0.5 0.12 var(--hue));
      color: #fff;
      font-size: calc(var(--size) * 0.38);
      font-weight: ${token('font-weight-strong')};
      letter-spacing: 0.02em;
      user-select: none;
    }
    .label {
      position: absolute;
      left: ${token('space-s')};
      bottom: ${token('space-s')};
      max-width: calc(100% - 2 * ${token('space-s')});
      display: flex;
      align-items: center;
      gap: ${token('space-xs')};
      padding: 3px ${token('space-s')};
      border-radius: ${token('radius-s')};
      background: var(--tile-label-background);
      color: var(--tile-label-color);
      font-size: ${token('font-size-s')};
      line-height: 1.35;
    }
    .name {
      display: flex;
      min-width: 0;
      white-space: pre;
    }
    .name-text {
      min-width: 0;
      overflow: hidden;
      text-overflow: ellipsis;
    }
    .affix {
      flex: none;
    }
    .unreachable {
      position: absolute;
      inset: 0;
      display: flex;
      flex-direction: column;
      align-items: center;
      justify-content: center;
      gap: ${token('space-xs')};
      padding: ${token('space-m')} ${token('space-m')} calc(${token('space-xl')} + ${token('space-s')});
      background: color-mix(in srgb, var(--tile-background) 70%, transparent);
      color: var(--tile-label-color);
      text-align: center;
      font-size: ${token('font-size-s')};
    }
    .unreachable-title {
      font-weight: ${token('font-weight-strong')};
    }
    .unreachable-reason {
      max-width: 36ch;
      opacity: 0.85;
    }
    .retry {
      margin-top: ${token('space-xs')};
      min-height: 32px;
      padding: 0 ${token('space-m')};
      border: 0;
      border-radius: ${token('radius-full')};
      background: ${token('color-accent')};
      color: ${token('color-on-accent')};
      font: inherit;
      cursor: pointer;
    }
    @container (max-width: 240px) {
      .unreachable-reason {
        display: none;
      }
    }
    .muted {
      display: inline-flex;
      color: #ff8a8e;
    }
    .muted .icon {
      width: 1.15em;
      height: 1.15em;
    }
    .hand {
      display: inline-flex;
      color: var(--tile-hand-color);
    }
    .hand .icon {
      width: 1.15em;
      height: 1.15em;
    }
    .reactions {
      position: absolute;
      right: ${token('space-m')};
      bottom: ${token('space-xl')};
      display: flex;
      flex-direction: column;
      align-items: center;
      pointer-events: none;
    }
    .reaction {
      font-size: clamp(24px, 16cqmin, 56px);
      line-height: 1.1;
      animation: rise 4s ease-out forwards;
    }
    @keyframes rise {
      0% {
        opacity: 0;
        transform: translateY(40%) scale(0.6);
      }
      10% {
        opacity: 1;
        transform: translateY(0) scale(1);
      }
      75% {
        opacity: 1;
      }
      100% {
        opacity: 0;
        transform: translateY(-60%);
      }
    }
    @media (prefers-reduced-motion: reduce) {
      .reaction {
        animation: none;
      }
    }
    .status {
      position: absolute;
      top: ${token('space-s')};
      left: 50%;
      transform: translateX(-50%);
      padding: 2px ${token('space-s')};
      border-radius: ${token('radius-full')};
      background: var(--tile-label-background);
      color: var(--tile-label-color);
      font-size: ${token('font-size-s')};
      white-space: nowrap;
    }
    .pin {
      position: absolute;
      top: ${token('space-s')};
      right: ${token('space-s')};
      width: 36px;
      height: 36px;
      display: grid;
      place-items: center;
      padding: 0;
      border: 0;
      border-radius: 50%;
      background: var(--tile-label-background);
      color: var(--tile-label-color);
      cursor: pointer;
      opacity: 0;
      transition: opacity ${token('transition')};
    }
    .pin .icon,
    .menu-button .icon {
      width: 20px;
      height: 20px;
    }
    .menu-button {
      position: absolute;
      top: ${token('space-s')};
      right: ${token('space-s')};
      width: 36px;
      height: 36px;
      display: grid;
      place-items: center;
      padding: 0;
      border: 0;
      border-radius: 50%;
      background: var(--tile-label-background);
      color: var(--tile-label-color);
      cursor: pointer;
      opacity: 0;
      transition: opacity ${token('transition')};
    }
    /* Beside the pin button, to its left. */
    .pin ~ .menu-button {
      right: calc(${token('space-s')} + 36px + ${token('space-xs')});
    }
    .tile:hover .pin,
    .pin:focus-visible,
    :host([pinned]) .pin,
    .tile:hover .menu-button,
    .menu-button:focus-visible,
    .menu-button[aria-expanded='true'] {
      opacity: 1;
    }
    .sound-muted {
      display: inline-flex;
    }
    .sound-muted .icon {
      width: 1.15em;
      height: 1.15em;
    }
    :host([pinned]) .pin {
      background: ${token('color-accent')};
      color: ${token('color-on-accent')};
    }
    @media (hover: none) {
      .pin,
      .menu-button {
        opacity: 1;
      }
    }
    @container (max-width: 180px) {
      .label {
        left: ${token('space-xs')};
        bottom: ${token('space-xs')};
        padding: 1px ${token('space-xs')};
        font-size: 0.75rem;
      }
      .pin,
      .menu-button {
        top: ${token('space-xs')};
        right: ${token('space-xs')};
        width: 28px;
        height: 28px;
      }
      .pin ~ .menu-button {
        right: calc(${token('space-xs')} + 28px + ${token('space-xs')});
      }
    }
    /* The statistics overlay (show-stats); the health marks' styles come with them (tile-health.ts). */
    .stats {
      position: absolute;
      top: ${token('space-s')};
      left: ${token('space-s')};
    }
  `,
];
