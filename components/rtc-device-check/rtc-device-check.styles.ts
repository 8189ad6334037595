import { css } from 'lit';
import { sharedStyles, token } from '../internal/shared.styles.js';

export const styles = [
  sharedStyles,
  css`
    :host {
      --device-check-meter-color: ${token('color-speaking')};
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: ${token('space-s')};
      width: 100%;
      color: ${token('color-text')};
      font-size: ${token('font-size-s')};
    }
    .meter-row {
      display: flex;
      align-items: center;
      gap: ${token('space-s')};
      color: ${token('color-text-muted')};
    }
    .meter {
      flex: 1;
      height: 8px;
      border-radius: ${token('radius-full')};
      background: ${token('color-tile')};
      overflow: hidden;
    }
    .meter::before {
      content: '';
      display: block;
      width: var(--level, 0%);
      height: 100%;
      border-radius: inherit;
      background: var(--device-check-meter-color);
      transition: width 90ms linear;
    }
    summary {
      list-style: none;
      width: fit-content;
      min-height: 32px;
      display: flex;
      align-items: center;
      gap: ${token('space-xs')};
      cursor: pointer;
      color: ${token('color-accent')};
      font-weight: ${token('font-weight-strong')};
    }
    summary::-webkit-details-marker {
      display: none;
    }
    summary .icon {
      width: 1.25em;
      height: 1.25em;
      transition: transform 120ms ease;
    }
    .settings[open] summary .icon {
      transform: rotate(90deg);
    }
    /* Inside <details> the box sizing inherits from its internal slot (content-box): set it again. */
    .settings-body {
      box-sizing: border-box;
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: ${token('space-s')};
      padding-block: ${token('space-s')};
    }
    .field {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: ${token('space-xs')};
      color: ${token('color-text-muted')};
    }
    select {
      min-height: 40px;
      width: 100%;
      text-overflow: ellipsis;
      padding: 0 ${token('space-s')};
      border: 1px solid ${token('color-border')};
      border-radius: ${token('radius-s')};
      background: ${token('color-surface')};
      color: ${token('color-text')};
      font: inherit;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: ${token('space-s')};
    }
    .secondary {
      display: inline-flex;
      align-items: center;
      gap: ${token('space-xs')};
      min-height: 36px;
      padding: 0 ${token('space-l')};
      border: 1px solid ${token('color-border')};
      border-radius: ${token('radius-full')};
      background: transparent;
      font-weight: ${token('font-weight-strong')};
      cursor: pointer;
    }
    .secondary:disabled {
      cursor: progress;
      opacity: 0.7;
    }
    .secondary .icon {
      width: 1.25em;
      height: 1.25em;
    }
    .link {
      min-height: 32px;
      padding: 0;
      border: 0;
      background: none;
      color: ${token('color-accent')};
      text-decoration: underline;
      cursor: pointer;
    }
    .muted {
      margin: 0;
      color: ${token('color-text-muted')};
    }
    .muted:empty,
    .verdict:empty {
      display: none;
    }
    .steps {
      display: grid;
      grid-template-columns: auto 1fr;
      gap: ${token('space-xs')} ${token('space-m')};
      margin: 0;
    }
    .steps dt {
      color: ${token('color-text-muted')};
    }
    .steps dd {
      margin: 0;
    }
    .steps dd[data-ok='false'] {
      color: ${token('color-danger')};
    }
    .verdict {
      margin: 0;
      padding: ${token('space-s')} ${token('space-m')};
      border-radius: ${token('radius-m')};
      border-inline-start: 4px solid ${token('color-speaking')};
      background: ${token('color-surface-raised')};
      font-weight: ${token('font-weight-strong')};
    }
    .verdict:not([data-verdict='good']) {
      border-inline-start-color: ${token('color-danger')};
    }
  `,
];
