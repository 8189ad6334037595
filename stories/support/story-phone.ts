/**
 * Calls for the phone's stories, with no server: the server's hub runs in the page (loopback), the
 * story's phone is Sam Rivera's line, and Li Lei (who calls) and Han Meimei (who is called and never
 * answers) are lines of their own. `close()` (run by .storybook/preview.ts with the story) hangs up.
 */
import { RtcLine } from '../../core/line/rtc-line.js';
import { createLoopback, type Loopback } from '../../server/hub/loopback.js';
import { SELF } from './people.js';

export const CALLER = { id: 'lilei', name: 'Li Lei' };
export const CALLEE = { id: 'hanmeimei', name: 'Han Meimei' };

export class StoryPhone {
  readonly loopback: Loopback = createLoopback();
  /** Give both to the story's `<rtc-phone>`. */
  readonly line = new RtcLine({ connect: this.loopback.connect });
  readonly token = this.loopback.userToken({ user: SELF.id, name: SELF.name });
  readonly caller = new RtcLine({ connect: this.loopback.connect });
  readonly callee = new RtcLine({ connect: this.loopback.connect });
  closed = false;

  static async start(): Promise<StoryPhone> {
    const phone = new StoryPhone();
    await phone.caller.open(phone.loopback.userToken({ user: CALLER.id, name: CALLER.name }));
    await phone.callee.open(phone.loopback.userToken({ user: CALLEE.id, name: CALLEE.name }));
    return phone;
  }

  /** Li Lei calls the story's user, once the story's phone is on its line. */
  async ring(video: boolean): Promise<void> {
    for (let i = 0; i < 100 && this.line.state !== 'connected'; i++) await new Promise((r) => setTimeout(r, 50));
    await this.caller.call(SELF.id, { video, timeoutMs: 180_000 });
  }

  close(): void {
    this.closed = true;
    for (const line of [this.caller, this.callee, this.line]) line.close();
  }
}

/** `loaders: withPhone()`: the lines are open before the story renders (preview.ts closes them with the story). */
export function withPhone() {
  return [async () => ({ call: await StoryPhone.start() })];
}

export function phoneOf(context: { loaded: Record<string, unknown> }): StoryPhone {
  return context.loaded['call'] as StoryPhone;
}
