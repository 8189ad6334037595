import { css } from 'lit';
import { token } from '../internal/shared.styles.js';

/**
 * The lobby and the page after leaving. The lobby fits any box down to 320×240: the preview gives
 * up its height first, then the details scroll, and the Join button never leaves the box. Sizes are
 * the room's (`.room` is the size container).
 */
const visuallyHidden = css`
  .lobby h2,
  .lobby-room {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;

export const lobbyStyles = css`
  .lobby,
  .left {
    position: absolute;
    inset: 0;
    padding: ${token('space-l')};
  }
  .lobby {
    display: flex;
    align-items: center;
    justify-content: center;
  }
  .left {
    display: grid;
    place-content: center;
    justify-items: center;
    gap: ${token('space-l')};
    text-align: center;
    overflow: auto;
  }
  .left .muted {
    max-width: 40ch;
  }
  .lobby-card {
    display: grid;
    grid-template-columns: minmax(0, 1.5fr) minmax(220px, 1fr);
    align-items: center;
    gap: ${token('space-xl')};
    width: min(920px, 100%);
    max-height: 100%;
    min-height: 0;
  }
  .preview {
    position: relative;
    width: 100%;
    aspect-ratio: 16 / 9;
    max-height: calc(100cqh - 2 * ${token('space-l')});
    min-height: 0;
    border-radius: ${token('radius-l')};
    overflow: hidden;
    background: ${token('color-tile')};
    box-shadow: ${token('shadow-raised')};
  }
  .preview rtc-video-tile {
    position: absolute;
    inset: 0;
    --tile-radius: 0;
  }
  /* The name goes up, clear of the preview's buttons. */
  .preview rtc-video-tile::part(label) {
    top: ${token('space-s')};
    bottom: auto;
  }
  .preview-controls {
    position: absolute;
    left: 50%;
    bottom: ${token('space-m')};
    transform: translateX(-50%);
    display: flex;
    gap: ${token('space-m')};
  }
  .round {
    position: relative;
    width: ${token('control-size')};
    height: ${token('control-size')};
    display: grid;
    place-items: center;
    padding: 0;
    border: 0;
    border-radius: 50%;
    background: ${token('color-control')};
    color: ${token('color-on-control')};
    cursor: pointer;
    box-shadow: 0 0 0 1px ${token('color-border')};
  }
  .round.off {
    background: ${token('color-danger')};
    color: ${token('color-on-danger')};
    box-shadow: none;
  }
  /* Blocked by the browser, not switched off: a mark that points at the notice. */
  .round.blocked::after {
    content: '!';
    position: absolute;
    top: -4px;
    right: -4px;
    width: 18px;
    height: 18px;
    display: grid;
    place-items: center;
    border-radius: 50%;
    background: ${token('color-surface-raised')};
    color: ${token('color-danger')};
    font-size: 12px;
    font-weight: ${token('font-weight-strong')};
    box-shadow: 0 0 0 1px ${token('color-border')};
  }
  .lobby-form {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: ${token('space-m')};
    max-height: calc(100cqh - 2 * ${token('space-l')});
    min-height: 0;
  }
  .lobby-details {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: ${token('space-m')};
    width: 100%;
    min-height: 0;
    overflow: auto;
    /* Room for focus rings inside the scroll area. */
    padding: 3px;
    margin: -3px;
    /* A shade at an edge with more beyond it: the cue that the details scroll (covers scroll with the content). */
    background:
      linear-gradient(var(--room-background) 30%, transparent) top / 100% 24px no-repeat local,
      linear-gradient(transparent, var(--room-background) 70%) bottom / 100% 24px no-repeat local,
      radial-gradient(farthest-side at 50% 0, rgb(0 0 0 / 0.3), transparent) top / 100% 10px no-repeat scroll,
      radial-gradient(farthest-side at 50% 100%, rgb(0 0 0 / 0.3), transparent) bottom / 100% 10px no-repeat scroll;
  }
  .lobby-form > .primary {
    flex: none;
  }
  .notice {
    position: relative;
    width: 100%;
    display: grid;
    gap: ${token('space-xs')};
    padding: ${token('space-s')} ${token('space-m')};
    border-radius: ${token('radius-m')};
    border-inline-start: 4px solid ${token('color-danger')};
    background: ${token('color-surface-raised')};
    font-size: ${token('font-size-s')};
  }
  .notice p {
    margin: 0;
  }
  .notice-title {
    font-weight: ${token('font-weight-strong')};
  }
  .notice:has(.dismiss) {
    padding-inline-end: 40px;
  }
  .notice .dismiss {
    position: absolute;
    top: 2px;
    right: 2px;
    color: inherit;
  }
  .secondary {
    justify-self: start;
    min-height: 36px;
    margin-top: ${token('space-xs')};
    padding: 0 ${token('space-l')};
    border: 1px solid ${token('color-border')};
    border-radius: ${token('radius-full')};
    background: transparent;
    color: ${token('color-text')};
    font: inherit;
    font-weight: ${token('font-weight-strong')};
    cursor: pointer;
  }
  .field-error {
    color: ${token('color-danger')};
  }
  /* Narrow rooms: one column; the preview takes what the form leaves, up to 16:9. */
  @container (max-width: 559px) {
    .lobby-card {
      display: flex;
      flex-direction: column;
      align-items: stretch;
      justify-content: center;
      height: 100%;
      gap: ${token('space-l')};
    }
    .preview {
      flex: 1 1 0;
      aspect-ratio: auto;
      max-height: calc((100cqw - 2 * ${token('space-l')}) * 9 / 16);
    }
    .lobby-form {
      flex: 0 1 auto;
      align-items: stretch;
      max-height: none;
    }
    .lobby-details {
      align-items: stretch;
    }
  }
  /* The in-call error notice: the cause, then what to do. */
  .error-words p {
    margin: 0;
  }
  .error-words .next {
    color: ${token('color-text-muted')};
    font-size: ${token('font-size-s')};
  }
  /* Short rooms: the title and the room's name give way to the preview and the form. */
  @container (max-width: 559px) and (max-height: 420px) {
    ${visuallyHidden}
  }
  @container (max-height: 300px) {
    ${visuallyHidden}
  }
  @container (max-height: 300px) {
    .lobby {
      padding: ${token('space-s')};
    }
    .lobby-card {
      gap: ${token('space-s')};
    }
    .preview {
      max-height: min(calc(100cqh - 2 * ${token('space-s')}), calc((100cqw - 2 * ${token('space-s')}) * 9 / 16));
    }
    .lobby-form {
      max-height: calc(100cqh - 2 * ${token('space-s')});
    }
    .lobby-form,
    .lobby-details {
      gap: ${token('space-s')};
    }
    .preview-controls {
      bottom: ${token('space-s')};
    }
    .round {
      width: 36px;
      height: 36px;
    }
    .lobby input,
    .lobby .primary {
      height: 40px;
      min-height: 40px;
    }
  }
`;
