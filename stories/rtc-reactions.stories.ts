import { html, nothing } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../components/rtc-reactions/rtc-reactions.js';
import '../components/rtc-video-tile/rtc-video-tile.js';
import type { RtcClient } from '../core/rtc-client.js';
import { SELF } from './support/people.js';
import { callOf, joinedRoom, noControl, withCall, type LoadedCall } from './support/story-room.js';
import { until } from './support/until.js';

interface ReactionsArgs {
  'no-hand': boolean;
  'no-reactions': boolean;
  lang: string;
}

/** The buttons under your own tile, where the hand and the reactions show. With `engine` they follow that engine itself. */
function reactions(args: ReactionsArgs, engine?: RtcClient) {
  return html`<div style="flex: 1; min-height: 0; display: flex; flex-direction: column; align-items: center; justify-content: center; gap: 16px">
    <rtc-video-tile .engine=${engine} user-id=${SELF.id} style="width: min(90%, 480px); aspect-ratio: 16 / 9"></rtc-video-tile>
    <rtc-reactions .engine=${engine} ?no-hand=${args['no-hand']} ?no-reactions=${args['no-reactions']}
      lang=${args.lang || nothing}></rtc-reactions>
  </div>`;
}

const inCall = (args: ReactionsArgs, context: LoadedCall, theme?: string) => joinedRoom(callOf(context), reactions(args), { theme });

/** Clicks a part of the reactions element once the room is in the call (the buttons are disabled before). */
async function press(canvas: HTMLElement, part: string): Promise<void> {
  const root = () => canvas.querySelector('rtc-reactions')?.shadowRoot;
  await until(() => canvas.querySelector('rtc-room')?.getAttribute('phase') === 'joined', 'the join');
  await until(() => root()?.querySelector<HTMLButtonElement>(`[part~="${part}"]:not([disabled])`), `the ${part}`);
  root()!.querySelector<HTMLButtonElement>(`[part~="${part}"]`)!.click();
}

const meta: Meta<ReactionsArgs> = {
  title: 'Elements/rtc-reactions',
  component: 'rtc-reactions',
  render: (args, context) => inCall(args, context),
  args: { 'no-hand': false, 'no-reactions': false, lang: '' },
  argTypes: {
    lang: { control: 'inline-radio', options: ['', 'en', 'zh-CN'] },
    ...noControl<ReactionsArgs>('engine', 'strings'),
  },
  parameters: { docs: { story: { inline: false, height: '420px' } } },
};

export default meta;
type Story = StoryObj<ReactionsArgs>;

export const HandAndPicker: Story = {
  loaders: withCall({ guests: 1 }),
};

export const PickerOpen: Story = {
  loaders: withCall({ guests: 1 }),
  play: ({ canvasElement }) => press(canvasElement, 'reactions-button'),
};

/** The hand raised (pressed here): the toggle is pressed and your tile shows the hand. */
export const HandRaised: Story = {
  loaders: withCall({ guests: 1 }),
  play: ({ canvasElement }) => press(canvasElement, 'hand-button'),
};

/** A reaction picked (here): it rises over your tile for everyone. */
export const ReactionSent: Story = {
  loaders: withCall({ guests: 1 }),
  play: async ({ canvasElement }) => {
    await press(canvasElement, 'reactions-button');
    await press(canvasElement, 'menu-item');
  },
};

export const PickerOnly: Story = {
  args: { 'no-hand': true },
  loaders: withCall({ guests: 1 }),
};

export const DarkTheme: Story = {
  render: (args, context) => inCall(args, context, 'dark'),
  loaders: withCall({ guests: 1 }),
  play: ({ canvasElement }) => press(canvasElement, 'reactions-button'),
};

/** Without a room (`reactions.engine = client`). */
export const OwnEngine: Story = {
  render: (args, context) => html`<div style="height: 100vh; display: flex">${reactions(args, callOf(context).self.engine)}</div>`,
  loaders: withCall({ guests: 1, self: { join: true } }),
};
