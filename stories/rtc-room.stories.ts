import { html, nothing } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { RoomConfig } from '../components/rtc-room/room-config.js';
import type { RtcRoom } from '../components/rtc-room/rtc-room.component.js';
import '../components/rtc-room/rtc-room.js';
import { avatarUrl, GUESTS, SELF } from './support/people.js';
import { callOf, noControl, withCall, type LoadedCall } from './support/story-room.js';
import { until } from './support/until.js';

interface RoomArgs {
  mode: 'flex' | 'fullscreen' | 'answer';
  layout: 'grid' | 'speaker';
  'current-user-id': string;
  audio: boolean;
  video: boolean;
  theme: '' | 'light' | 'dark' | 'auto';
  lang: string;
  panel: '' | 'chat' | 'people';
  autojoin: boolean;
  screenname: string;
  namespace: string;
  config: RoomConfig | undefined;
  /** Not an attribute: the story user's network. */
  online: boolean;
}

const everyone = [SELF, ...GUESTS];

function room(args: RoomArgs, context: LoadedCall) {
  const call = callOf(context);
  call.online = args.online;
  return html`<rtc-room .engine=${call.self.engine} .token=${call.self.token} ?autojoin=${args.autojoin}
    mode=${args.mode} layout=${args.layout} current-user-id=${args['current-user-id'] || nothing}
    audio=${args.audio ? 'on' : 'off'} video=${args.video ? 'on' : 'off'} theme=${args.theme || nothing}
    lang=${args.lang || nothing} panel=${args.panel || nothing} screenname=${args.screenname} namespace=${args.namespace}
    .config=${args.config} style="height: 100vh"></rtc-room>`;
}

const meta: Meta<RoomArgs> = {
  title: 'Elements/rtc-room',
  component: 'rtc-room',
  render: room,
  args: {
    mode: 'flex',
    layout: 'grid',
    'current-user-id': '',
    audio: true,
    video: true,
    theme: '',
    lang: '',
    panel: '',
    autojoin: true,
    screenname: 'screen',
    namespace: 'answer',
    config: undefined,
    online: true,
  },
  argTypes: {
    mode: { control: 'inline-radio', options: ['flex', 'fullscreen', 'answer'] },
    layout: { control: 'inline-radio', options: ['grid', 'speaker'] },
    'current-user-id': { control: 'select', options: ['', ...everyone.map((p) => p.id)] },
    theme: { control: 'inline-radio', options: ['', 'light', 'dark', 'auto'] },
    lang: { control: 'inline-radio', options: ['', 'en', 'zh-CN'] },
    panel: { control: 'inline-radio', options: ['', 'chat', 'people'] },
    config: { control: 'object' },
    online: {
      control: 'boolean',
      description: "The story user's network: off, their signaling socket drops and every reconnect fails (media keeps flowing).",
      table: { category: 'story' },
    },
    // The story's call sets who joins where; the room reports the rest.
    ...noControl<RoomArgs>('server', 'room', 'token', 'user-id', 'user-name', 'role', 'password', 'engine', 'strings'),
    ...noControl<RoomArgs>('phase', 'connection-state', 'fullscreen'),
  },
  parameters: { docs: { story: { inline: false, height: '480px' } } },
};

export default meta;
type Story = StoryObj<RoomArgs>;

/** You (Sam Rivera) and Alice: the default UI, with the grid and the controls. */
export const TwoPeople: Story = {
  loaders: withCall({ guests: 1 }),
  tags: ['remote-video'],
};

/** Before joining: the camera preview and the join button (the room joins on click). */
export const Lobby: Story = {
  args: { autojoin: false },
  loaders: withCall({ guests: 2 }),
};

/** A slow network: the socket takes eight seconds to open, then the call comes up. */
export const Connecting: Story = {
  loaders: withCall({ guests: 2, connectDelayMs: 8_000 }),
};

export const Alone: Story = {
  loaders: withCall({}),
};

/** Nine people in a 3 × 3 grid, Dmitri talking (rtc-video-grid's NineWithPages shows pages). */
export const NinePeople: Story = {
  loaders: withCall({ guests: 8, people: { dmitri: { talking: true } } }),
  tags: ['remote-video'],
};

/** Alice's microphone is off, and so is yours (`audio="off"`). */
export const Muted: Story = {
  args: { audio: false },
  loaders: withCall({ guests: 2, people: { alice: { audio: false } } }),
  tags: ['remote-video'],
};

/** Cameras off: Bob's avatar comes from `config.users`, 陈静 gets initials, and yours is off (`video="off"`). */
export const CameraOff: Story = {
  args: { video: false, config: { users: { bob: { avatar: avatarUrl(200) } } } },
  loaders: withCall({ guests: 3, people: { bob: { video: false }, chen: { video: false } } }),
  tags: ['remote-video'],
};

/** Bob talks (a tone in bursts, heard once the page may play sound): his tile rings. */
export const Speaking: Story = {
  loaders: withCall({ guests: 3, people: { bob: { talking: true } } }),
  tags: ['remote-video'],
};

/** Alice shares her screen: it takes the stage, uncropped, her camera stays in the strip. */
export const ScreenShare: Story = {
  loaders: withCall({ guests: 3, people: { alice: { screen: true } } }),
  tags: ['remote-video'],
};

export const SpeakerLayout: Story = {
  args: { layout: 'speaker' },
  loaders: withCall({ guests: 4, people: { alice: { talking: true } } }),
  tags: ['remote-video'],
};

/** The page puts Bob on the main view (`current-user-id`). */
export const Pinned: Story = {
  args: { 'current-user-id': 'bob' },
  loaders: withCall({ guests: 3 }),
  tags: ['remote-video'],
};

/** Your network goes down once you are in: "Reconnecting…" until `online` is switched back on. */
export const Reconnecting: Story = {
  args: { online: false },
  loaders: withCall({ guests: 2 }),
  tags: ['remote-video'],
};

export const DarkTheme: Story = {
  args: { theme: 'dark' },
  loaders: withCall({ guests: 3, people: { bob: { audio: false }, chen: { video: false } } }),
  tags: ['remote-video'],
};

export const Chinese: Story = {
  args: { lang: 'zh-CN' },
  loaders: withCall({ room: 'weekly-sync', guests: 3, people: { chen: { video: false }, alice: { audio: false } } }),
  tags: ['remote-video'],
};

/** A phone (pick the viewport in the toolbar): the grid stacks, the controls shrink. */
export const Phone: Story = {
  globals: { viewport: { value: 'mobile2', isRotated: false } },
  loaders: withCall({ guests: 4 }),
  tags: ['remote-video'],
};

export const ChatOpen: Story = {
  args: { panel: 'chat' },
  loaders: withCall({
    guests: 2,
    chat: [
      { from: 'alice', text: 'Morning! The agenda is in https://example.com/agenda' },
      { from: 'bob', text: 'I can take the first item.' },
    ],
  }),
  tags: ['remote-video'],
};

/** You are the host: raised hands come first, each with Lower hand and Remove. */
export const PeopleOpen: Story = {
  args: { panel: 'people' },
  loaders: withCall({
    guests: 4,
    self: { role: 'host' },
    people: { chen: { hand: true }, alice: { hand: true }, bob: { audio: false }, dmitri: { video: false } },
  }),
  tags: ['remote-video'],
};

/** `mode="fullscreen"`: a layer over the whole viewport while the call is on. */
export const FullscreenMode: Story = {
  args: { mode: 'fullscreen' },
  loaders: withCall({ guests: 2 }),
  tags: ['remote-video'],
};

/** After hanging up: the room offers to rejoin. */
export const CallEnded: Story = {
  loaders: withCall({ guests: 1 }),
  play: async ({ canvasElement }) => {
    const room = canvasElement.querySelector<RtcRoom>('rtc-room')!;
    await until(() => room.phase === 'joined', 'the join');
    await room.leave();
  },
};

/** A page's look for answer mode: its own CSS restyles the plugin's class hooks (`screenname`/`namespace` renamed). */
const clinicCss = html`<style>
  .consult.clinic { background: #f4f1ea; color: #1d3b36; }
  .clinic .player-view, .clinic .pusher-view { background: #1d3b36; }
  .clinic .pusher-view.mini, .clinic .player-view.mini { border: 3px solid #fff; border-radius: 16px; width: 104px; height: 150px; }
  .clinic .message { background: #1d3b36; }
  .clinic .message.calling { background: radial-gradient(circle at 50% 35%, #2f6f64, #1d3b36); font-size: 20px; }
  .clinic .actions { bottom: 16px; }
  .clinic .btn { background: rgba(255, 255, 255, 0.92); color: #1d3b36; width: 56px; height: 56px; }
  .clinic .btn .icon.disable { color: #c2410c; }
  .clinic .btn-hangup { background: #c2410c; color: #fff; }
  .clinic .btn-accept { background: #15803d; color: #fff; }
  .clinic .user-list-item { background: rgba(255, 255, 255, 0.15); border-radius: 36px; }
  .clinic .user-list-item.selected { box-shadow: inset 0 0 0 2px #fbbf24; }
</style>`;

const clinicConfig: RoomConfig = {
  displayInfo: { calling: { information: 'Dr. Alice Martin is calling you' }, end: { information: 'Thank you, get well soon' } },
  answer: {
    player: { visible: true, isMini: false },
    pusher: { visible: true, isMini: true },
    actions: { mute: {}, enableCamera: {}, hangup: {}, switchCamera: {}, speaker: {}, screenshot: { visible: false } },
    users: { visible: true, config: { alice: { name: 'Dr. Martin', avatar: avatarUrl(160) }, sam: { name: 'Sam (patient)' } } },
  },
};

/** Answer mode (`mode="answer"`): the call in the room's light DOM, with a plugin-style `config` and the page's CSS. */
export const AnswerMode: Story = {
  args: {
    mode: 'answer',
    screenname: 'consult',
    namespace: 'clinic',
    config: { ...clinicConfig, displayInfo: { ...clinicConfig.displayInfo, callPage: { visible: false } } },
  },
  globals: { viewport: { value: 'mobile2', isRotated: false } },
  render: (args, context) => html`${clinicCss}${room(args, context)}`,
  loaders: withCall({ room: 'consult-42', guests: 1 }),
  tags: ['remote-video'],
};

/** Answer mode's incoming-call page: Accept joins, Decline fires `rtc-call-decline`. */
export const IncomingCall: Story = {
  args: { mode: 'answer', autojoin: false, screenname: 'consult', namespace: 'clinic', config: clinicConfig },
  globals: { viewport: { value: 'mobile2', isRotated: false } },
  render: (args, context) => html`${clinicCss}${room(args, context)}`,
  loaders: withCall({ room: 'consult-42', guests: 1 }),
};
