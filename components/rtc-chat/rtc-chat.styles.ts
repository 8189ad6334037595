import { css } from 'lit';
import { sharedStyles, token } from '../internal/shared.styles.js';

export const styles = [
  sharedStyles,
  css`
    :host {
      --chat-background: ${token('color-surface')};
      --chat-bubble-background: ${token('color-bg')};
      --chat-own-background: ${token('color-accent')};
      --chat-own-color: ${token('color-on-accent')};
      --chat-private-color: ${token('color-accent')};
      --chat-radius: ${token('radius-m')};
      display: block;
      min-width: 0;
      min-height: 0;
      color: ${token('color-text')};
      font-size: ${token('font-size-m')};
    }
    .chat {
      position: relative;
      display: flex;
      flex-direction: column;
      height: 100%;
      min-height: 240px;
      background: var(--chat-background);
    }
    .heading {
      flex: none;
      margin: 0;
      padding: ${token('space-m')} ${token('space-l')} ${token('space-s')};
      font-size: ${token('font-size-m')};
      font-weight: ${token('font-weight-strong')};
      border-bottom: 1px solid ${token('color-border')};
    }
    .messages {
      position: relative;
      flex: 1;
      min-height: 0;
      display: flex;
      flex-direction: column;
    }
    .log {
      flex: 1;
      min-height: 0;
      overflow-y: auto;
      overscroll-behavior: contain;
      padding: ${token('space-m')};
      display: flex;
      flex-direction: column;
      gap: ${token('space-xs')};
    }
    .log:focus-visible {
      outline-offset: -2px;
    }
    .empty {
      margin: auto;
      max-width: 28ch;
      text-align: center;
      color: ${token('color-text-muted')};
    }
    .empty p {
      margin: 0 0 ${token('space-xs')};
    }
    .empty-title {
      color: ${token('color-text')};
      font-weight: ${token('font-weight-strong')};
    }
    .separator {
      display: flex;
      align-items: center;
      gap: ${token('space-s')};
      margin: ${token('space-s')} 0 ${token('space-xs')};
      color: ${token('color-text-muted')};
      font-size: ${token('font-size-s')};
    }
    .separator::before,
    .separator::after {
      content: '';
      flex: 1;
      border-top: 1px solid ${token('color-border')};
    }
    .message {
      align-self: flex-start;
      max-width: 85%;
      margin-top: ${token('space-s')};
    }
    .message.continued {
      margin-top: 0;
    }
    .message.own {
      align-self: flex-end;
    }
    .meta {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 0 ${token('space-s')};
      margin: 0 ${token('space-xs')} 2px;
      font-size: ${token('font-size-s')};
      color: ${token('color-text-muted')};
    }
    .own .meta {
      justify-content: flex-end;
    }
    .sender {
      color: ${token('color-text')};
      font-weight: ${token('font-weight-strong')};
    }
    .private-mark {
      display: inline-flex;
      align-items: center;
      gap: 2px;
      color: var(--chat-private-color);
      font-weight: ${token('font-weight-strong')};
    }
    .private-mark .icon {
      width: 1.1em;
      height: 1.1em;
    }
    .text {
      margin: 0;
      padding: ${token('space-s')} ${token('space-m')};
      border-radius: var(--chat-radius);
      background: var(--chat-bubble-background);
      white-space: pre-wrap;
      overflow-wrap: anywhere;
      line-height: 1.45;
    }
    .own .text {
      background: var(--chat-own-background);
      color: var(--chat-own-color);
    }
    .message.private .text {
      box-shadow: inset 0 0 0 1.5px var(--chat-private-color);
    }
    .own.private .text {
      box-shadow: inset 0 0 0 1.5px var(--chat-private-color), inset 0 0 0 3px var(--chat-background);
    }
    .text a {
      color: inherit;
      text-decoration: underline;
      text-underline-offset: 2px;
    }
    .pending .text {
      opacity: 0.7;
    }
    .failed .text {
      box-shadow: inset 0 0 0 1.5px ${token('color-danger')};
      background: transparent;
      color: ${token('color-text')};
    }
    .status {
      display: flex;
      flex-wrap: wrap;
      justify-content: flex-end;
      align-items: baseline;
      gap: 0 ${token('space-s')};
      margin: 2px ${token('space-xs')} 0;
      font-size: ${token('font-size-s')};
      color: ${token('color-text-muted')};
    }
    .status.error {
      color: ${token('color-danger')};
    }
    .status-actions {
      display: inline-flex;
      gap: ${token('space-s')};
    }
    .link-button {
      padding: 2px;
      border: 0;
      background: none;
      color: ${token('color-accent')};
      font-weight: ${token('font-weight-strong')};
      text-decoration: underline;
      cursor: pointer;
    }
    .earlier {
      align-self: center;
      margin: ${token('space-xs')} 0;
      padding: ${token('space-xs')} ${token('space-m')};
      border: 1px solid ${token('color-border')};
      border-radius: ${token('radius-full')};
      background: ${token('color-bg')};
      color: ${token('color-accent')};
      font-size: ${token('font-size-s')};
      cursor: pointer;
    }
    .earlier:disabled {
      cursor: progress;
      opacity: 0.7;
    }
    .jump {
      position: absolute;
      left: 50%;
      bottom: ${token('space-s')};
      transform: translateX(-50%);
      display: inline-flex;
      align-items: center;
      gap: ${token('space-xs')};
      padding: ${token('space-xs')} ${token('space-m')};
      border: 0;
      border-radius: ${token('radius-full')};
      background: ${token('color-accent')};
      color: ${token('color-on-accent')};
      box-shadow: ${token('shadow-raised')};
      font-size: ${token('font-size-s')};
      cursor: pointer;
    }
    .jump .icon {
      width: 1.2em;
      height: 1.2em;
    }
    .jump .count {
      min-width: 1.5em;
      padding: 0 4px;
      border-radius: ${token('radius-full')};
      background: ${token('color-on-accent')};
      color: ${token('color-accent')};
      font-weight: ${token('font-weight-strong')};
    }
    .form {
      flex: none;
      display: flex;
      flex-direction: column;
      gap: ${token('space-xs')};
      padding: ${token('space-s')} ${token('space-m')} ${token('space-m')};
      border-top: 1px solid ${token('color-border')};
    }
    .to {
      display: flex;
      align-items: center;
      gap: ${token('space-s')};
      font-size: ${token('font-size-s')};
      color: ${token('color-text-muted')};
    }
    select {
      min-width: 0;
      max-width: 100%;
      padding: 2px ${token('space-s')};
      border: 1px solid ${token('color-border')};
      border-radius: ${token('radius-s')};
      background: ${token('color-surface')};
      color: ${token('color-text')};
      font: inherit;
    }
    select.private {
      border-color: var(--chat-private-color);
      color: var(--chat-private-color);
      font-weight: ${token('font-weight-strong')};
    }
    .compose {
      display: flex;
      align-items: flex-end;
      gap: ${token('space-s')};
    }
    .input {
      flex: 1;
      min-width: 0;
      min-height: 40px;
      max-height: 9em;
      field-sizing: content;
      resize: none;
      padding: ${token('space-s')} ${token('space-m')};
      border: 1px solid ${token('color-border')};
      border-radius: ${token('radius-m')};
      background: ${token('color-bg')};
      color: ${token('color-text')};
      font: inherit;
      line-height: 1.4;
    }
    .input::placeholder {
      color: ${token('color-text-muted')};
    }
    .input[aria-invalid='true'] {
      border-color: ${token('color-danger')};
    }
    .send {
      flex: none;
      display: grid;
      place-items: center;
      width: 40px;
      height: 40px;
      padding: 0;
      border: 0;
      border-radius: ${token('radius-full')};
      background: ${token('color-accent')};
      color: ${token('color-on-accent')};
      cursor: pointer;
    }
    .send .icon {
      width: 20px;
      height: 20px;
    }
    .send:disabled {
      background: ${token('color-control-hover')};
      color: ${token('color-text-muted')};
      cursor: default;
    }
    .limit {
      min-height: 0;
      font-size: ${token('font-size-s')};
      color: ${token('color-text-muted')};
    }
    .limit:empty {
      display: none;
    }
    .limit.over {
      color: ${token('color-danger')};
    }
  `,
];
