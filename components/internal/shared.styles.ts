/** Styles every element's shadow root shares: box sizing, focus ring, the visually hidden helper. */
import { css, unsafeCSS } from 'lit';
import { tokenVar } from '../../themes/tokens.js';

/** `var(--rtc-name, light value)` as CSS, for component knobs that fall back to the global tokens. */
export function token(name: string) {
  return unsafeCSS(tokenVar(name));
}

export const sharedStyles = css`
  :host {
    box-sizing: border-box;
    font-family: ${token('font-family')};
    -webkit-tap-highlight-color: transparent;
  }
  :host([hidden]),
  [hidden] {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  button {
    font: inherit;
    color: inherit;
  }
  :focus-visible {
    outline: ${token('focus-ring-width')} solid ${token('color-focus')};
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .icon {
    width: 1.5em;
    height: 1.5em;
    flex: none;
  }
`;
