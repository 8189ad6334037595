/** Styles of the call view's own pieces: the invite bar, the timer and the dialogs (see call-banner.ts, call-dialogs.ts);
 * they come with the dialogs' chunk, loaded at joining (call-view-loader.ts). */
import { css } from 'lit';
import { token } from '../internal/shared.styles.js';

export const callViewStyles = css`
  .timer {
    flex: none;
    font-variant-numeric: tabular-nums;
  }
  /* In the flow above the grid, not over it: the own video stays whole. */
  .invite {
    flex: none;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: center;
    gap: ${token('space-xs')} ${token('space-s')};
    margin: ${token('space-s')} ${token('space-s')} 0;
    padding: ${token('space-s')} ${token('space-m')};
    border: 1px solid ${token('color-border')};
    border-radius: ${token('radius-m')};
    background: ${token('color-surface')};
    font-size: ${token('font-size-s')};
  }
  .invite-title {
    font-weight: ${token('font-weight-strong')};
  }
  .invite-field {
    display: flex;
    align-items: center;
    gap: ${token('space-s')};
    min-width: 0;
    flex: 0 1 34rem;
  }
  .invite-hint {
    flex: none;
    color: ${token('color-text-muted')};
  }
  .invite .invite-link {
    flex: 1 1 auto;
    min-width: 8rem;
    height: 36px;
    font-size: ${token('font-size-s')};
  }
  .copy {
    flex: none;
    min-height: 36px;
    padding: 0 ${token('space-m')};
    border: 0;
    border-radius: ${token('radius-full')};
    background: ${token('color-accent')};
    color: ${token('color-on-accent')};
    cursor: pointer;
  }
  .invite-error {
    flex-basis: 100%;
    text-align: center;
    color: ${token('color-danger')};
  }
  @container (max-width: 480px) {
    .invite-hint {
      display: none;
    }
    .invite-field {
      flex-basis: 100%;
    }
  }
  .dialog {
    max-width: min(28rem, calc(100% - 32px));
    padding: ${token('space-l')};
    border: 1px solid ${token('color-border')};
    border-radius: ${token('radius-m')};
    background: ${token('color-surface-raised')};
    color: ${token('color-text')};
  }
  .dialog::backdrop {
    background: rgb(0 0 0 / 0.45);
  }
  .dialog h2 {
    margin: 0 0 ${token('space-m')};
    font-size: ${token('font-size-l')};
  }
  .shortcut-list {
    display: grid;
    grid-template-columns: max-content 1fr;
    align-items: baseline;
    gap: ${token('space-s')} ${token('space-l')};
    margin: 0 0 ${token('space-l')};
  }
  .shortcut {
    display: contents;
  }
  .shortcut dt,
  .shortcut dd {
    margin: 0;
  }
  kbd {
    display: inline-block;
    min-width: 1.8em;
    padding: 1px 6px;
    border: 1px solid ${token('color-border')};
    border-bottom-width: 2px;
    border-radius: ${token('radius-s')};
    background: ${token('color-surface')};
    font: inherit;
    font-size: ${token('font-size-s')};
    text-align: center;
  }
  .dialog-actions {
    display: flex;
    justify-content: flex-end;
    gap: ${token('space-s')};
  }
  .dialog-actions button:not(.primary) {
    min-height: 44px;
    padding: 0 ${token('space-l')};
    border: 1px solid ${token('color-border')};
    border-radius: ${token('radius-full')};
    background: ${token('color-control')};
    color: ${token('color-on-control')};
    cursor: pointer;
  }
  .dialog-actions button.danger {
    border-color: transparent;
    background: ${token('color-danger')};
    color: ${token('color-on-danger')};
  }
`;
