import { RtcVideoTile } from './rtc-video-tile.component.js';

export { RtcVideoTile };

// Registered once (a page may load the kit twice), and not at all without a DOM (SSR imports under Node).
if (typeof customElements !== 'undefined' && !customElements.get('rtc-video-tile')) customElements.define('rtc-video-tile', RtcVideoTile);
