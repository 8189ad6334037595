import { css } from 'lit';
import { sharedStyles, token } from '../internal/shared.styles.js';

export const styles = [
  sharedStyles,
  css`
    :host {
      --participants-background: ${token('color-surface')};
      /* Amber, darkened on light themes and lightened on dark ones by mixing in the text colour. */
      --participants-hand-color: color-mix(in srgb, #e08a00 60%, ${token('color-text')});
      --participants-off-color: ${token('color-danger')};
      display: block;
      min-width: 0;
      color: ${token('color-text')};
      font-size: ${token('font-size-m')};
    }
    .people {
      height: 100%;
      overflow-y: auto;
      padding: 0 0 ${token('space-s')};
      background: var(--participants-background);
    }
    .heading {
      margin: 0;
      padding: ${token('space-m')} ${token('space-l')} ${token('space-s')};
      font-size: ${token('font-size-m')};
      font-weight: ${token('font-weight-strong')};
    }
    .heading:focus {
      outline: none;
    }
    .group {
      margin: ${token('space-s')} 0 0;
      padding: ${token('space-xs')} ${token('space-l')};
      color: ${token('color-text-muted')};
      font-size: ${token('font-size-s')};
      font-weight: ${token('font-weight-strong')};
    }
    .list {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .person {
      padding: ${token('space-xs')} ${token('space-l')};
    }
    .person:hover {
      background: ${token('color-bg')};
    }
    /* The same two lines for everyone: the name, then the hand, microphone, camera and role; buttons on the right. */
    .row {
      display: flex;
      align-items: center;
      gap: ${token('space-s')};
      min-height: 40px;
    }
    .avatar {
      flex: none;
      width: 32px;
      height: 32px;
      display: grid;
      place-items: center;
      border-radius: 50%;
      object-fit: cover;
      background: oklch(0.5 0.12 var(--hue));
      color: #fff;
      font-size: 0.75rem;
      font-weight: ${token('font-weight-strong')};
      user-select: none;
    }
    .who {
      flex: 1 1 0;
      min-width: 0;
      display: flex;
      flex-direction: column;
    }
    .name {
      display: -webkit-box;
      -webkit-box-orient: vertical;
      -webkit-line-clamp: 2;
      overflow: hidden;
      overflow-wrap: anywhere;
    }
    .details {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 2px ${token('space-s')};
      min-height: 20px;
      color: ${token('color-text-muted')};
      font-size: ${token('font-size-s')};
    }
    .hand {
      display: inline-flex;
      align-items: center;
      gap: 2px;
      padding: 0 6px 0 4px;
      border-radius: ${token('radius-full')};
      background: color-mix(in srgb, var(--participants-hand-color) 14%, transparent);
      color: var(--participants-hand-color);
      font-size: ${token('font-size-s')};
      font-weight: ${token('font-weight-strong')};
    }
    .hand .icon {
      width: 16px;
      height: 16px;
    }
    .media {
      display: inline-flex;
      gap: 2px;
    }
    .mark {
      display: inline-flex;
    }
    .mark .icon {
      width: 16px;
      height: 16px;
    }
    .mark.off {
      color: var(--participants-off-color);
    }
    /* A column per possible button (--action-slots), lower hand first and remove last, in every row. */
    .actions {
      flex: none;
      display: grid;
      grid-template-columns: repeat(var(--action-slots), 32px);
      gap: ${token('space-xs')};
    }
    .lower {
      grid-column: 1;
    }
    .person-menu-button {
      grid-column: -2;
    }
    .action {
      min-height: 32px;
      padding: 0 ${token('space-s')};
      border: 1px solid ${token('color-border')};
      border-radius: ${token('radius-s')};
      background: ${token('color-surface')};
      color: ${token('color-text')};
      font-size: ${token('font-size-s')};
      cursor: pointer;
    }
    .action:hover {
      background: ${token('color-control-hover')};
    }
    .action.danger {
      color: ${token('color-danger')};
    }
    .icon-action {
      display: grid;
      place-items: center;
      width: 32px;
      padding: 0;
    }
    .icon-action .icon {
      width: 18px;
      height: 18px;
    }
    .action.danger.filled {
      border-color: transparent;
      background: ${token('color-danger')};
      color: ${token('color-on-danger')};
    }
    .confirm {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: ${token('space-s')};
      margin: ${token('space-xs')} 0 ${token('space-s')};
      padding: ${token('space-s')};
      border-radius: ${token('radius-s')};
      background: ${token('color-bg')};
      font-size: ${token('font-size-s')};
    }
    .confirm-buttons {
      display: inline-flex;
      gap: ${token('space-xs')};
    }
    /* Moderation (issue 10): the header's room menu, the menus, the title form, the end dialog, the waiting list. */
    .header {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: ${token('space-s')};
      padding-inline-end: calc(${token('space-l')} + var(--participants-header-inset, 0px));
    }
    .header .heading {
      flex: 1 1 auto;
      min-width: 0;
    }
    .action[aria-expanded='true'] {
      background: ${token('color-control-hover')};
    }
    .action.filled:not(.danger) {
      border-color: transparent;
      background: ${token('color-accent')};
      color: ${token('color-on-accent')};
    }
    .menu {
      position: fixed;
      top: 0;
      left: 0;
      z-index: 10;
      min-width: 220px;
      max-width: min(320px, calc(100vw - 16px));
      max-height: min(70vh, 460px);
      overflow-y: auto;
      padding: ${token('space-xs')};
      border: 1px solid ${token('color-border')};
      border-radius: ${token('radius-m')};
      background: ${token('color-surface-raised')};
      color: ${token('color-text')};
      box-shadow: ${token('shadow-raised')};
    }
    .menu-group {
      margin-top: ${token('space-xs')};
      padding-top: ${token('space-xs')};
      border-top: 1px solid ${token('color-border')};
    }
    .menu-heading {
      padding: ${token('space-xs')} ${token('space-m')};
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
      color: inherit;
      font: inherit;
      text-align: start;
      cursor: pointer;
    }
    .menu-item:hover,
    .menu-item:focus-visible {
      background: ${token('color-control-hover')};
    }
    .menu-item.danger {
      color: ${token('color-danger')};
    }
    .menu-check {
      flex: none;
      width: 18px;
      height: 18px;
    }
    .menu-check .icon {
      width: 18px;
      height: 18px;
    }
    .title-form {
      display: flex;
      flex-direction: column;
      gap: ${token('space-xs')};
      margin: 0 ${token('space-l')} ${token('space-s')};
      font-size: ${token('font-size-s')};
    }
    .title-row {
      display: flex;
      flex-wrap: wrap;
      gap: ${token('space-xs')};
    }
    .title-row input {
      flex: 1 1 10rem;
      min-width: 0;
      min-height: 32px;
      padding: 0 ${token('space-s')};
      border: 1px solid ${token('color-border')};
      border-radius: ${token('radius-s')};
      background: ${token('color-bg')};
      color: inherit;
      font: inherit;
    }
    .decide {
      flex: none;
      display: inline-flex;
      gap: ${token('space-xs')};
    }
    .dialog {
      max-width: min(26rem, calc(100vw - 32px));
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
      margin: 0 0 ${token('space-s')};
      font-size: ${token('font-size-l')};
    }
    .dialog p {
      margin: 0 0 ${token('space-l')};
      color: ${token('color-text-muted')};
    }
    .dialog-actions {
      display: flex;
      flex-wrap: wrap;
      justify-content: flex-end;
      gap: ${token('space-s')};
    }
    .dialog-actions .action {
      min-height: 40px;
      padding: 0 ${token('space-l')};
    }
  `,
];
