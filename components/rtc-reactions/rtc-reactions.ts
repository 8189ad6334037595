import { RtcReactions } from './rtc-reactions.component.js';

export { RtcReactions };

// Registered once (a page may load the kit twice), and not at all without a DOM (SSR imports under Node).
if (typeof customElements !== 'undefined' && !customElements.get('rtc-reactions')) customElements.define('rtc-reactions', RtcReactions);
