import { RtcReactions } from './rtc-reactions.component.js';
import { define } from '../internal/define.js';

export { RtcReactions };
define('rtc-reactions', RtcReactions);
