import { RtcChat } from './rtc-chat.component.js';

export { RtcChat };

// Registered once (a page may load the kit twice), and not at all without a DOM (SSR imports under Node).
if (typeof customElements !== 'undefined' && !customElements.get('rtc-chat')) customElements.define('rtc-chat', RtcChat);
