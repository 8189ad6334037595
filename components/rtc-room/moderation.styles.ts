/** The room's moderation pieces: the notice (a toast at the top, over the video or the lobby: notice-view.ts), the lock mark, room for the panel's close button. */
import { css } from 'lit';
import { token } from '../internal/shared.styles.js';

export const moderationStyles = css`
  /* The panel's close button sits in the people list's header corner: its room menu button keeps clear of it. */
  rtc-participants {
    --participants-header-inset: 40px;
  }
  .notice {
    position: absolute;
    top: 44px;
    left: 50%;
    z-index: 6;
    transform: translateX(-50%);
    width: max-content;
    max-width: min(32rem, calc(100% - 24px));
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: flex-end;
    gap: ${token('space-s')} ${token('space-m')};
    padding: ${token('space-s')} ${token('space-s')} ${token('space-s')} ${token('space-l')};
    border: 1px solid ${token('color-border')};
    border-radius: ${token('radius-m')};
    background: ${token('color-surface-raised')};
    color: ${token('color-text')};
    box-shadow: ${token('shadow-raised')};
    font-size: ${token('font-size-m')};
  }
  .notice[data-kind='waiting'] {
    padding-inline-end: ${token('space-l')};
  }
  .notice-text {
    flex: 1 1 12rem;
    min-width: 0;
    padding-block: ${token('space-xs')};
  }
  .notice-actions {
    display: inline-flex;
    gap: ${token('space-xs')};
  }
  .notice-button {
    min-height: 36px;
    padding: 0 ${token('space-m')};
    border: 1px solid ${token('color-border')};
    border-radius: ${token('radius-full')};
    background: ${token('color-control')};
    color: ${token('color-on-control')};
    font: inherit;
    cursor: pointer;
  }
  .notice-button.primary {
    border-color: transparent;
    background: ${token('color-accent')};
    color: ${token('color-on-accent')};
  }
  .notice-close {
    flex: none;
    width: 32px;
    height: 32px;
    border: 0;
    border-radius: ${token('radius-full')};
    background: transparent;
    color: inherit;
    font-size: 1.25rem;
    cursor: pointer;
  }
  .notice-close:hover {
    background: ${token('color-control-hover')};
  }
  .locked-mark {
    display: inline-flex;
    align-items: center;
    gap: 2px;
    margin-inline-start: ${token('space-s')};
    color: ${token('color-text-muted')};
    font-weight: normal;
  }
  .locked-mark .icon {
    width: 14px;
    height: 14px;
  }
`;
