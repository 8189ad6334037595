import { RtcTileStats } from './rtc-tile-stats.component.js';

export { RtcTileStats };

// Registered once (a page may load the kit twice), and not at all without a DOM (SSR imports under Node).
if (typeof customElements !== 'undefined' && !customElements.get('rtc-tile-stats')) customElements.define('rtc-tile-stats', RtcTileStats);
