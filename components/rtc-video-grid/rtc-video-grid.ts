import { RtcVideoGrid } from './rtc-video-grid.component.js';

export { RtcVideoGrid };

// Registered once (a page may load the kit twice), and not at all without a DOM (SSR imports under Node).
if (typeof customElements !== 'undefined' && !customElements.get('rtc-video-grid')) customElements.define('rtc-video-grid', RtcVideoGrid);
