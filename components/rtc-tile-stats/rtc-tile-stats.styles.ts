import { css } from 'lit';
import { sharedStyles, token } from '../internal/shared.styles.js';

export const styles = [
  sharedStyles,
  css`
    :host {
      display: block;
      --tile-stats-background: rgb(0 0 0 / 0.6);
      --tile-stats-color: #fff;
    }
    .stats {
      margin: 0;
      padding: ${token('space-xs')} ${token('space-s')};
      border-radius: ${token('radius-s')};
      background: var(--tile-stats-background);
      color: var(--tile-stats-color);
      font-size: 0.75rem;
      line-height: 1.4;
      font-variant-numeric: tabular-nums;
    }
    .row {
      display: flex;
      justify-content: space-between;
      gap: ${token('space-s')};
    }
    dt {
      opacity: 0.8;
    }
    dd {
      margin: 0;
      text-align: end;
    }
  `,
];
