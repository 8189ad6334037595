import { html, nothing } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../components/rtc-phone/rtc-phone.js';
import type { RtcPhone } from '../components/rtc-phone/rtc-phone.component.js';
import { noControl } from './support/story-room.js';
import { CALLEE, phoneOf, withPhone } from './support/story-phone.js';
import { until } from './support/until.js';

interface PhoneArgs {
  mode: 'fullscreen' | 'flex' | 'answer';
  theme: '' | 'light' | 'dark' | 'auto';
  lang: string;
  silent: boolean;
}

type Context = { loaded: Record<string, unknown> };

/** Sam Rivera's phone on the in-page server (silent by default: a story should not ring at you). */
function phone(args: PhoneArgs, context: Context) {
  const story = phoneOf(context);
  return html`<rtc-phone .line=${story.line} .token=${story.token} mode=${args.mode} theme=${args.theme || nothing}
    lang=${args.lang || nothing} ?silent=${args.silent} style="height: 100vh"></rtc-phone>`;
}

const phoneIn = (canvas: HTMLElement) => canvas.querySelector<RtcPhone>('rtc-phone')!;

const meta: Meta<PhoneArgs> = {
  title: 'Elements/rtc-phone',
  component: 'rtc-phone',
  render: phone,
  args: { mode: 'flex', theme: '', lang: '', silent: true },
  argTypes: {
    mode: { control: 'inline-radio', options: ['fullscreen', 'flex', 'answer'] },
    theme: { control: 'inline-radio', options: ['', 'light', 'dark', 'auto'] },
    lang: { control: 'inline-radio', options: ['', 'en', 'zh-CN'] },
    ...noControl<PhoneArgs>('line', 'token', 'clock', 'strings', 'state'),
  },
  loaders: withPhone(),
  parameters: { docs: { story: { inline: false, height: '560px' } } },
};

export default meta;
type Story = StoryObj<PhoneArgs>;

/** Li Lei calls with video: accept with the camera, audio only, or decline (Enter accepts, Escape declines). */
export const Incoming: Story = {
  play: async (context) => {
    await phoneOf(context).ring(true);
    await until(() => phoneIn(context.canvasElement).state === 'ringing', 'the ring');
  },
};

/** An audio call: one accept. */
export const IncomingAudio: Story = {
  play: async (context) => {
    await phoneOf(context).ring(false);
    await until(() => phoneIn(context.canvasElement).state === 'ringing', 'the ring');
  },
};

/** The phone calls Han Meimei, who does not answer: "Calling Han Meimei…" and Cancel. */
export const Outgoing: Story = {
  play: async ({ canvasElement }) => {
    const el = phoneIn(canvasElement);
    await until(() => el.line?.state === 'connected', 'the line');
    await el.call(CALLEE.id, { name: CALLEE.name, timeoutMs: 180_000 });
  },
};

export const IncomingChinese: Story = { ...Incoming, args: { lang: 'zh-CN' } };

export const OutgoingChinese: Story = { ...Outgoing, args: { lang: 'zh-CN' } };

/** Answer mode: the room's answer page rings, with the plugin's class hooks (`.calling`, `.btn-accept`, `.btn-hangup`). */
export const IncomingAnswerMode: Story = { ...Incoming, args: { mode: 'answer' } };
