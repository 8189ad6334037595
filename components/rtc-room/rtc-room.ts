import { RtcRoom } from './rtc-room.component.js';

export { RtcRoom };

// Registered once (a page may load the kit twice), and not at all without a DOM (SSR imports under Node).
if (typeof customElements !== 'undefined' && !customElements.get('rtc-room')) customElements.define('rtc-room', RtcRoom);
