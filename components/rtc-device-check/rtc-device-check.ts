import { RtcDeviceCheck } from './rtc-device-check.component.js';

export { RtcDeviceCheck };

// Registered once (a page may load the kit twice), and not at all without a DOM (SSR imports under Node).
if (typeof customElements !== 'undefined' && !customElements.get('rtc-device-check')) customElements.define('rtc-device-check', RtcDeviceCheck);

declare global {
  interface HTMLElementTagNameMap {
    'rtc-device-check': RtcDeviceCheck;
  }
}
