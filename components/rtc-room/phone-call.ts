/**
 * A phone's call before it is answered, shown by the room's answer page (`<rtc-phone mode="answer">`):
 * ringing in (`ringing`: `.btn-accept`, `.btn-accept-audio`, `.btn-hangup`) or out (`calling`: `.btn-hangup`).
 */
export interface PhoneCall {
  direction: 'incoming' | 'outgoing';
  /** The other side's name ("Li Lei"). */
  peer: string;
  video: boolean;
  accept(video: boolean): void;
  /** Declines a call ringing in, cancels one ringing out. */
  decline(): void;
}

/** The answer page a phone's call (or the plugin's call page) shows before joining, if any. */
export function callPagePhase(call: PhoneCall | undefined, callPage: boolean): 'ringing' | 'calling' | null {
  if (call) return call.direction === 'incoming' ? 'ringing' : 'calling';
  return callPage ? 'calling' : null;
}
