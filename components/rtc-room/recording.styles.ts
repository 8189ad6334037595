import { css } from 'lit';
import { token } from '../internal/shared.styles.js';

/** The header's recording mark and the recording notices (local-recording-controller.ts). */
export const recordingStyles = css`
  .recording-mark {
    flex: none;
    display: inline-flex;
    align-items: center;
    gap: 6px;
    padding: 0 8px;
    border-radius: ${token('radius-m')};
    color: ${token('color-danger')};
    font-weight: ${token('font-weight-strong')};
    letter-spacing: 0.04em;
  }
  .recording-dot {
    width: 8px;
    height: 8px;
    border-radius: 50%;
    background: currentColor;
  }
  @media (prefers-reduced-motion: no-preference) {
    .recording-dot {
      animation: recording-blink 1.6s ease-in-out infinite;
    }
  }
  @keyframes recording-blink {
    50% {
      opacity: 0.35;
    }
  }
  .recording-notice {
    position: absolute;
    left: 50%;
    top: 44px;
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
  .recording-download {
    color: inherit;
    font-weight: ${token('font-weight-strong')};
  }
`;
