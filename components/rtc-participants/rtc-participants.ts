import { RtcParticipants } from './rtc-participants.component.js';
import { define } from '../internal/define.js';

export { RtcParticipants };
define('rtc-participants', RtcParticipants);
