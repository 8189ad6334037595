// The two webrtc-adapter modules core/transports/browser-shims.ts imports directly (the package types only its main entry).
declare module 'webrtc-adapter/src/js/utils.js' {
  export interface BrowserDetails {
    browser: string | null;
    version: number | null;
  }
  export function detectBrowser(window: Window): BrowserDetails;
}

declare module 'webrtc-adapter/src/js/common_shim.js' {
  import type { BrowserDetails } from 'webrtc-adapter/src/js/utils.js';
  export function shimAddIceCandidateNullOrEmpty(window: Window, browser: BrowserDetails): void;
  export function shimParameterlessSetLocalDescription(window: Window, browser: BrowserDetails): void;
  export function shimConnectionState(window: Window): void;
}
