import { RtcPhone } from './rtc-phone.component.js';

export { RtcPhone };

// Registered once (a page may load the kit twice), and not at all without a DOM (SSR imports under Node).
if (typeof customElements !== 'undefined' && !customElements.get('rtc-phone')) customElements.define('rtc-phone', RtcPhone);
