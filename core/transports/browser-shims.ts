/**
 * The webrtc-adapter shims the mesh relies on, applied once before the first peer connection:
 * perfect negotiation needs `setLocalDescription()` without arguments and `addIceCandidate(null)`
 * (Safari before 14.1, Firefox before 75), and link state comes from `connectionState` (Firefox
 * before 113). The adapter's other shims cover APIs the engine doesn't use; importing the whole
 * adapter costs 13.7 KiB gzip against 1.3 KiB for these (scripts/build.ts drops the `sdp` parser
 * they don't need).
 */
import {
  shimAddIceCandidateNullOrEmpty,
  shimConnectionState,
  shimParameterlessSetLocalDescription,
} from 'webrtc-adapter/src/js/common_shim.js';
import { detectBrowser } from 'webrtc-adapter/src/js/utils.js';

let applied = false;

export function applyBrowserShims(): void {
  if (applied || typeof window === 'undefined') return;
  applied = true;
  const browser = detectBrowser(window);
  // Order as in the adapter: the addIceCandidate shim must wrap the native method first.
  shimAddIceCandidateNullOrEmpty(window, browser);
  shimParameterlessSetLocalDescription(window, browser);
  shimConnectionState(window);
}
