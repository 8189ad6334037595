/** A popup menu's look (`.menu`, `.menu-heading`, `.menu-item`, `.menu-label`, `.menu-check`), as the controls' device menus have it. */
import { css } from 'lit';
import { token } from './shared.styles.js';

export const menuStyles = css`
  .menu {
    position: fixed;
    top: 0;
    left: 0;
    z-index: 10;
    min-width: 200px;
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
  .menu-check {
    display: grid;
    color: ${token('color-accent')};
  }
`;
