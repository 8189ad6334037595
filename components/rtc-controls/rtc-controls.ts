import { RtcControls } from './rtc-controls.component.js';

export { RtcControls };

// Registered once (a page may load the kit twice), and not at all without a DOM (SSR imports under Node).
if (typeof customElements !== 'undefined' && !customElements.get('rtc-controls')) customElements.define('rtc-controls', RtcControls);
