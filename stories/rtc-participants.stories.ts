import { html, nothing } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../components/rtc-participants/rtc-participants.js';
import type { RtcClient } from '../core/rtc-client.js';
import type { CallOptions } from './support/story-call.js';
import { callOf, joinedRoom, noControl, withCall, type LoadedCall } from './support/story-room.js';
import { until } from './support/until.js';

interface ParticipantsArgs {
  lang: string;
}

/** The list in a box the size of a side panel; with `engine` it follows that engine itself, else the room around it. */
function list(args: ParticipantsArgs, engine?: RtcClient) {
  return html`<div style="flex: 1; min-height: 0; display: flex; justify-content: center; padding: 16px">
    <rtc-participants .engine=${engine} lang=${args.lang || nothing} style="width: min(100%, 380px)"></rtc-participants>
  </div>`;
}

const inCall = (args: ParticipantsArgs, context: LoadedCall, theme?: string) => joinedRoom(callOf(context), list(args), { theme });

/** A meeting with everything the list shows: hands (in the order raised), a muted microphone, a camera off, a viewer. */
const meeting: CallOptions = {
  guests: 5,
  people: {
    chen: { hand: true },
    alice: { hand: true },
    bob: { audio: false },
    dmitri: { video: false },
    eva: { role: 'viewer' },
  },
};

const meta: Meta<ParticipantsArgs> = {
  title: 'Elements/rtc-participants',
  component: 'rtc-participants',
  render: (args, context) => inCall(args, context),
  args: { lang: '' },
  argTypes: {
    lang: { control: 'inline-radio', options: ['', 'en', 'zh-CN'] },
    ...noControl<ParticipantsArgs>('engine', 'strings'),
  },
  parameters: { docs: { story: { inline: false, height: '560px' } } },
};

export default meta;
type Story = StoryObj<ParticipantsArgs>;

/** You are the host: raised hands first, each with Lower hand, and a menu on everyone else (the room menu by the heading). */
export const AsHost: Story = {
  loaders: withCall({ ...meeting, self: { role: 'host' } }),
};

/** Without the host's rights: no menus; your own hand (raised here) you can lower. */
export const AsParticipant: Story = {
  loaders: withCall(meeting),
  play: async (context) => {
    const room = context.canvasElement.querySelector('rtc-room')!;
    await until(() => room.getAttribute('phase') === 'joined', 'the join');
    await callOf(context).self.engine.raiseHand(true);
  },
};

const panel = (canvas: HTMLElement) => canvas.querySelector('rtc-participants')?.shadowRoot;
const bobsRow = (canvas: HTMLElement) => [...(panel(canvas)?.querySelectorAll('[part~="person"]') ?? [])].find((row) => row.textContent?.includes('Bob'));

/** A host's menu for one person: mute what is on, ask for what is off, the role, remove. */
export const PersonMenu: Story = {
  loaders: withCall({ ...meeting, self: { role: 'host' } }),
  play: async ({ canvasElement }) => {
    await until(() => bobsRow(canvasElement)?.querySelector('[part~="actions-button"]'), "Bob's menu button");
    bobsRow(canvasElement)!.querySelector<HTMLButtonElement>('[part~="actions-button"]')!.click();
  },
};

/** Remove (from the person menu) asks first, with the focus on Cancel. */
export const ConfirmRemove: Story = {
  loaders: withCall({ ...meeting, self: { role: 'host' } }),
  play: async ({ canvasElement }) => {
    await until(() => bobsRow(canvasElement)?.querySelector('[part~="actions-button"]'), "Bob's menu button");
    bobsRow(canvasElement)!.querySelector<HTMLButtonElement>('[part~="actions-button"]')!.click();
    await until(() => panel(canvasElement)?.querySelector('[part~="person-menu"] [data-action="remove"]'), 'the menu');
    panel(canvasElement)!.querySelector<HTMLButtonElement>('[part~="person-menu"] [data-action="remove"]')!.click();
  },
};

/** The host's room menu: mute everyone, keep everyone muted, lock, waiting room, title, end for everyone. */
export const HostMenu: Story = {
  loaders: withCall({ ...meeting, self: { role: 'host' } }),
  play: async ({ canvasElement }) => {
    await until(() => panel(canvasElement)?.querySelector('[part~="room-menu-button"]'), 'the room menu button');
    panel(canvasElement)!.querySelector<HTMLButtonElement>('[part~="room-menu-button"]')!.click();
  },
};

/** The room's lobby is on and two people knock: the host admits or denies each; the people button counts them. */
export const WaitingList: Story = {
  loaders: withCall({ ...meeting, guests: 3, self: { role: 'host' } }),
  play: async (context) => {
    const call = callOf(context);
    await until(() => call.self.engine.state === 'connected', 'the join');
    await call.self.engine.setLobby(true);
    call.knock('farah', 'gao');
    await until(() => panel(context.canvasElement)?.querySelector('[part~="waiting-list"]'), 'the waiting list');
  },
};

export const Chinese: Story = {
  args: { lang: 'zh-CN' },
  loaders: withCall({ ...meeting, self: { role: 'host' } }),
};

export const DarkTheme: Story = {
  render: (args, context) => inCall(args, context, 'dark'),
  loaders: withCall({ ...meeting, self: { role: 'host' } }),
};

/** Without a room (`list.engine = client`). */
export const OwnEngine: Story = {
  render: (args, context) => html`<div style="height: 100vh; display: flex">${list(args, callOf(context).self.engine)}</div>`,
  loaders: withCall({ ...meeting, self: { join: true, role: 'host' } }),
};
