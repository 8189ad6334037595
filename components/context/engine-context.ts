import { createContext } from '@lit/context';
import type { RtcClient } from '../../core/rtc-client.js';

/** The engine an `<rtc-room>` runs; elements inside it use it for commands and high-rate data (audio levels). */
export const engineContext = createContext<RtcClient | undefined>(Symbol('rtc-engine'));
