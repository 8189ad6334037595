/** The few icons the elements draw: inline stroke SVG (no icon font, no fetch), coloured by `currentColor`. */
import { html, svg, type SVGTemplateResult, type TemplateResult } from 'lit';

const slash = svg`<path d="M3 3l18 18"/>`;
const microphone = svg`<rect x="9" y="3" width="6" height="11" rx="3"/><path d="M5.5 11a6.5 6.5 0 0 0 13 0M12 17.5V21"/>`;
const camera = svg`<rect x="3" y="6.5" width="12.5" height="11" rx="2.5"/><path d="M15.5 10.5l5-3v9l-5-3z"/>`;
const monitor = svg`<rect x="3" y="4" width="18" height="12.5" rx="2"/><path d="M8.5 20.5h7M12 16.5v4"/>`;
const hand = svg`<path d="M7.5 12.5V7a1.5 1.5 0 0 1 3 0v4.5M10.5 11V4.5a1.5 1.5 0 0 1 3 0V11M13.5 11V5.5a1.5 1.5 0 0 1 3 0V12"/><path d="M16.5 12V8.5a1.5 1.5 0 0 1 3 0V14a7 7 0 0 1-7 7H12a6 6 0 0 1-4.9-2.5L4 14.3a1.5 1.5 0 0 1 2.4-1.8l1.1 1.5"/>`;
const body = svg`<path d="M3.5 8.5h3.5l1.8-2.5h6.4l1.8 2.5h3.5v10.5h-17z"/>`;

const paths = {
  microphone,
  'microphone-off': svg`${microphone}${slash}`,
  camera,
  'camera-off': svg`${camera}${slash}`,
  screen: svg`${monitor}<path d="M12 13V8M9.5 10.5L12 8l2.5 2.5"/>`,
  'screen-off': svg`${monitor}<path d="M9.5 8.5l5 5M14.5 8.5l-5 5"/>`,
  hangup: svg`<path d="M2.5 14c5.3-4.9 13.7-4.9 19 0l-2.3 2.6-3.7-1.4v-2.6a11.5 11.5 0 0 0-7 0v2.6l-3.7 1.4z"/>`,
  'switch-camera': svg`${body}<path d="M9 13.2a3 3 0 0 1 5.2-2M15 12.8a3 3 0 0 1-5.2 2M14.2 9.4v1.8h-1.8M9.8 16.6v-1.8h1.8"/>`,
  snapshot: svg`${body}<circle cx="12" cy="13.3" r="3.3"/>`,
  speaker: svg`<path d="M4 9.5v5h3.5l5 4v-13l-5 4z"/><path d="M16 9a4.5 4.5 0 0 1 0 6M18.5 6.5a8 8 0 0 1 0 11"/>`,
  'speaker-off': svg`<path d="M4 9.5v5h3.5l5 4v-13l-5 4z"/><path d="M16 9.5l5 5M21 9.5l-5 5"/>`,
  'layout-speaker': svg`<rect x="3.5" y="3.5" width="17" height="11" rx="1.5"/><path d="M4 19h3.5M10.25 19h3.5M16.5 19H20"/>`,
  fullscreen: svg`<path d="M4 9V4h5M20 9V4h-5M4 15v5h5M20 15v5h-5"/>`,
  'fullscreen-exit': svg`<path d="M9 4v5H4M15 4v5h5M9 20v-5H4M15 20v-5h5"/>`,
  'chevron-up': svg`<path d="M7 14.5l5-5 5 5"/>`,
  'chevron-left': svg`<path d="M14.5 6.5L9 12l5.5 5.5"/>`,
  'chevron-right': svg`<path d="M9.5 6.5L15 12l-5.5 5.5"/>`,
  pin: svg`<path d="M9 3.5h6M10 3.5v5.5l-3 3.5h10l-3-3.5V3.5M12 12.5V20"/>`,
  check: svg`<path d="M5 12.5l4.5 4.5L19 7.5"/>`,
  more: svg`<circle cx="5.5" cy="12" r="1.6" fill="currentColor"/><circle cx="12" cy="12" r="1.6" fill="currentColor"/><circle cx="18.5" cy="12" r="1.6" fill="currentColor"/>`,
  // Chat, people and reactions
  send: svg`<path d="M20.5 3.5l-17 7 7 3 3 7z"/><path d="M10.5 13.5l10-10"/>`,
  lock: svg`<rect x="5" y="10.5" width="14" height="10" rx="2"/><path d="M8 10.5v-3a4 4 0 0 1 8 0v3"/>`,
  'arrow-down': svg`<path d="M12 5v14M6 13l6 6 6-6"/>`,
  hand,
  'hand-off': svg`${hand}${slash}`,
  smile: svg`<circle cx="12" cy="12" r="8.5"/><path d="M8.5 14a4 4 0 0 0 7 0M9 9.5h.01M15 9.5h.01"/>`,
  chat: svg`<path d="M5 4.5h14A1.5 1.5 0 0 1 20.5 6v9a1.5 1.5 0 0 1-1.5 1.5h-8l-4.5 3.5v-3.5H5A1.5 1.5 0 0 1 3.5 15V6A1.5 1.5 0 0 1 5 4.5z"/>`,
  'person-remove': svg`<circle cx="9.5" cy="8.5" r="3.2"/><path d="M3.5 19.5a6 6 0 0 1 12 0M16 11.5h5.5"/>`,
  people: svg`<circle cx="9" cy="8.5" r="3.2"/><path d="M3 19.5a6 6 0 0 1 12 0M15.5 5.5a3.2 3.2 0 0 1 0 6.2M17.5 14.2a6 6 0 0 1 3.5 5.3"/>`,
  // ---- local recording, picture-in-picture (issue 13) ----
  record: svg`<circle cx="12" cy="12" r="8.5"/><circle cx="12" cy="12" r="4" fill="currentColor"/>`,
  'record-stop': svg`<circle cx="12" cy="12" r="8.5"/><rect x="9" y="9" width="6" height="6" fill="currentColor"/>`,
  pip: svg`<rect x="3.5" y="5" width="17" height="14" rx="1.5"/><rect x="12" y="12" width="6" height="4.5" fill="currentColor"/>`,
} satisfies Record<string, SVGTemplateResult>;

export type IconName = keyof typeof paths;

export function icon(name: IconName): TemplateResult {
  return html`<svg class="icon" viewBox="0 0 24 24" width="24" height="24" fill="none" stroke="currentColor"
    stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false">${paths[name]}</svg>`;
}
