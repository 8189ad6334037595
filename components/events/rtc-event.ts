/** Base of every rtc-kit DOM event: bubbles and crosses shadow roots, with a typed `detail`. */
export abstract class RtcEvent<Detail> extends Event {
  constructor(
    type: string,
    readonly detail: Detail,
    options: { cancelable?: boolean } = {},
  ) {
    super(type, { bubbles: true, composed: true, cancelable: options.cancelable ?? false });
  }
}
