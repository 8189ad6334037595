import { html, nothing } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../components/rtc-chat/rtc-chat.js';
import type { RtcChat } from '../components/rtc-chat/rtc-chat.component.js';
import type { RtcClient } from '../core/rtc-client.js';
import type { ChatLine } from './support/story-call.js';
import { SELF } from './support/people.js';
import { callOf, joinedRoom, noControl, withCall, type LoadedCall } from './support/story-room.js';
import { until } from './support/until.js';

interface ChatArgs {
  /** Unset: the server's limit. */
  'max-bytes'?: number;
  lang: string;
}

/** The chat in a box the size of a side panel; with `engine` it follows that engine itself, else the room around it. */
function chat(args: ChatArgs, engine?: RtcClient) {
  return html`<div style="flex: 1; min-height: 0; display: flex; justify-content: center; padding: 16px">
    <rtc-chat .engine=${engine} max-bytes=${args['max-bytes'] ?? nothing} lang=${args.lang || nothing} style="width: min(100%, 420px)"></rtc-chat>
  </div>`;
}

const inCall = (args: ChatArgs, context: LoadedCall, theme?: string) => joinedRoom(callOf(context), chat(args), { theme });

const meta: Meta<ChatArgs> = {
  title: 'Elements/rtc-chat',
  component: 'rtc-chat',
  render: (args, context) => inCall(args, context),
  args: { lang: '' },
  argTypes: {
    'max-bytes': { control: { type: 'number', min: 16, step: 16 } },
    lang: { control: 'inline-radio', options: ['', 'en', 'zh-CN'] },
    ...noControl<ChatArgs>('engine', 'strings'),
  },
  parameters: { docs: { story: { inline: false, height: '560px' } } },
};

export default meta;
type Story = StoryObj<ChatArgs>;

const LONG_URL = 'https://example.com/projects/rtc-kit/reviews/2026/november/design-review-notes?section=layout&highlight=speaker-view#decisions';

/** Lines before the first one to or from you are history (sent before you joined); the rest arrive live. */
const conversation: ChatLine[] = [
  { from: 'alice', text: 'Morning all! Agenda: https://example.com/agenda (questions to mailto:team@example.com)' },
  {
    from: 'bob',
    text:
      'Long one, sorry. I went through the layout feedback from last week and grouped it: the speaker view needs a ' +
      'clearer strip on phones, the pager should keep people in place, and the chat panel should not squeeze the ' +
      `video on small screens. Full notes: ${LONG_URL}`,
  },
  { from: 'chen', text: '大家好！演示部分我来讲，大约十分钟。' },
  { from: 'dmitri', text: 'Pasted from the bug report, <b>not bold</b> and <script>alert(1)</script> stay text.' },
  { from: 'alice', text: 'Could you present right after Bob?', to: [SELF.id] },
  { from: SELF.id, text: 'Sure, I will be ready.', to: ['alice'] },
  { from: SELF.id, text: 'Sharing my screen in five minutes.' },
];

export const Conversation: Story = {
  loaders: withCall({ guests: 4, chat: conversation }),
};

export const Empty: Story = {
  loaders: withCall({ guests: 1 }),
};

/** A message the server refuses (`max-bytes` lets this chat send 8 KB, the server takes 4 KB): it stays, with the reason and Edit. */
export const Refused: Story = {
  args: { 'max-bytes': 8192 },
  loaders: withCall({ guests: 1 }),
  play: async ({ canvasElement }) => {
    const chatElement = canvasElement.querySelector<RtcChat>('rtc-chat')!;
    const part = <T extends Element>(name: string) => chatElement.shadowRoot?.querySelector<T>(`[part~="${name}"]`);
    await until(() => canvasElement.querySelector('rtc-room')?.getAttribute('phase') === 'joined', 'the join');
    await until(() => part('input'), 'the text box');
    const input = part<HTMLTextAreaElement>('input')!;
    input.value = `My notes from the workshop, all of them: ${'the grid pages when tiles get narrow; '.repeat(130)}`;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await chatElement.updateComplete; // Send is enabled once there is text
    part<HTMLButtonElement>('send-button')!.click();
  },
};

export const Chinese: Story = {
  args: { lang: 'zh-CN' },
  loaders: withCall({
    guests: 3,
    chat: [
      { from: 'chen', text: '大家好！资料在 https://example.com/资料 ，请先看一下。' },
      { from: 'alice', text: '收到，谢谢。' },
    ],
  }),
};

export const DarkTheme: Story = {
  render: (args, context) => inCall(args, context, 'dark'),
  loaders: withCall({ guests: 4, chat: conversation.slice(0, 4) }),
};

/** Without a room (`chat.engine = client`). */
export const OwnEngine: Story = {
  render: (args, context) => html`<div style="height: 100vh; display: flex">${chat(args, callOf(context).self.engine)}</div>`,
  loaders: withCall({ guests: 3, self: { join: true }, chat: conversation.slice(0, 3) }),
};
