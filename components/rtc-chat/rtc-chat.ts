import { RtcChat } from './rtc-chat.component.js';
import { define } from '../internal/define.js';

export { RtcChat };
define('rtc-chat', RtcChat);
