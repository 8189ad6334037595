import { RtcParticipants } from './rtc-participants.component.js';

export { RtcParticipants };

// Registered once (a page may load the kit twice), and not at all without a DOM (SSR imports under Node).
if (typeof customElements !== 'undefined' && !customElements.get('rtc-participants')) customElements.define('rtc-participants', RtcParticipants);
