import { html, nothing } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../components/rtc-video-tile/rtc-video-tile.js';
import type { Participant } from '../core/types.js';
import { avatarUrl, GUESTS, SELF } from './support/people.js';
import { callOf, joinedRoom, noControl, withCall } from './support/story-room.js';

interface TileArgs {
  'user-id': string;
  name: string;
  avatar: string;
  screen: boolean;
  pinnable: boolean;
  pinned: boolean;
  'full-picture': boolean;
  lang: string;
}

const size = 'display: block; width: min(calc(100% - 32px), 640px); aspect-ratio: 16 / 9; margin: 16px;';

function tile(args: TileArgs) {
  return html`<rtc-video-tile user-id=${args['user-id']} name=${args.name || nothing} avatar=${args.avatar || nothing}
    ?screen=${args.screen} ?pinnable=${args.pinnable} ?pinned=${args.pinned} ?full-picture=${args['full-picture']}
    lang=${args.lang || nothing} style=${size}></rtc-video-tile>`;
}

const meta: Meta<TileArgs> = {
  title: 'Elements/rtc-video-tile',
  component: 'rtc-video-tile',
  // Inside a room, `user-id` is all a tile needs: the room's state has the participant.
  render: (args, context) => joinedRoom(callOf(context), tile(args)),
  args: { 'user-id': 'alice', name: '', avatar: '', screen: false, pinnable: false, pinned: false, 'full-picture': false, lang: '' },
  argTypes: {
    'user-id': { control: 'select', options: [SELF.id, ...GUESTS.slice(0, 3).map((p) => p.id)] },
    lang: { control: 'inline-radio', options: ['', 'en', 'zh-CN'] },
    // What the tile takes from the participant.
    ...noControl<TileArgs>('local', 'speaking', 'audio-muted', 'video-muted', 'hand-raised', 'participant', 'engine', 'strings'),
  },
  parameters: { docs: { story: { inline: false, height: '420px' } } },
};

export default meta;
type Story = StoryObj<TileArgs>;

export const LiveVideo: Story = {
  loaders: withCall({ guests: 2 }),
  tags: ['remote-video'],
};

/** The local user's own tile: mirrored, "(you)". */
export const Yourself: Story = {
  args: { 'user-id': SELF.id },
  loaders: withCall({ guests: 1 }),
};

export const Muted: Story = {
  args: { 'user-id': 'bob' },
  loaders: withCall({ guests: 2, people: { bob: { audio: false } } }),
  tags: ['remote-video'],
};

/** Camera off: initials (the last two characters of a Chinese name). */
export const CameraOffInitials: Story = {
  args: { 'user-id': 'chen' },
  loaders: withCall({ guests: 3, people: { chen: { video: false } } }),
};

/** Camera off with an `avatar` image. */
export const CameraOffAvatar: Story = {
  args: { 'user-id': 'bob', avatar: avatarUrl(200) },
  loaders: withCall({ guests: 2, people: { bob: { video: false, audio: false } } }),
};

/** Alice talks (a tone in bursts): the ring follows her voice. */
export const Speaking: Story = {
  loaders: withCall({ guests: 1, people: { alice: { talking: true } } }),
  tags: ['remote-video'],
};

export const HandRaised: Story = {
  loaders: withCall({ guests: 1, people: { alice: { hand: true } } }),
  tags: ['remote-video'],
};

/** Alice sends a reaction every few seconds: each rises over her tile. */
export const Reactions: Story = {
  loaders: withCall({ guests: 1 }, (call) => {
    const emoji = ['👍', '🎉', '👏', '😂'];
    let next = 0;
    call.every(1_500, () => call.guest('alice').sendReaction(emoji[next++ % emoji.length]!));
  }),
  tags: ['remote-video'],
};

/** `pinnable` shows the pin button (it fires `rtc-pin`); `pinned` shows it pressed. */
export const Pinned: Story = {
  args: { pinnable: true, pinned: true },
  loaders: withCall({ guests: 1 }),
  tags: ['remote-video'],
};

/** `screen`: Bob's shared screen, whole (never cropped). */
export const Screen: Story = {
  args: { 'user-id': 'bob', screen: true },
  loaders: withCall({ guests: 2, people: { bob: { screen: true } } }),
  tags: ['remote-video'],
};

export const Chinese: Story = {
  args: { 'user-id': SELF.id, lang: 'zh-CN' },
  loaders: withCall({ guests: 1 }),
};

/** Before their media arrives: a plain participant snapshot (`participant`) whose link is still connecting. */
export const Connecting: Story = {
  render: (args) => {
    const participant: Participant = {
      userId: 'eva',
      sessionId: 'eva-1',
      name: 'Eva Lindqvist',
      role: 'participant',
      local: false,
      media: { audio: true, video: true, screen: false },
      stream: null,
      screenStream: null,
      handRaised: false,
      joinedAt: Date.now(),
      link: 'connecting',
    };
    return html`<rtc-video-tile .participant=${participant} name=${args.name || nothing} avatar=${args.avatar || nothing}
      ?pinnable=${args.pinnable} ?pinned=${args.pinned} lang=${args.lang || nothing} style=${size}></rtc-video-tile>`;
  },
};

// ---- health (issue 13) ----

function still(userId: string, name: string, local = false): Participant {
  return {
    userId, sessionId: `${userId}-1`, name, role: 'participant', local, media: { audio: true, video: false, screen: false },
    stream: null, screenStream: null, handRaised: false, joinedAt: Date.now(), link: 'connected',
  };
}

const small = 'display: block; width: 240px; aspect-ratio: 16 / 9;';

/** `network-quality` 1 to 5 as bars in the label; the tooltip says the level in words. In a call the engine sets it. */
export const QualityBars: Story = {
  render: (args) => html`<div style="display: flex; flex-wrap: wrap; gap: 12px; margin: 16px;">
    ${[1, 2, 3, 4, 5].map((level) => html`<rtc-video-tile .participant=${still(`p${level}`, `Level ${level}`)} network-quality=${level}
      lang=${args.lang || nothing} style=${small}></rtc-video-tile>`)}
  </div>`,
};

/** Frozen video ("Video interrupted") on someone else's tile; a weak uplink on ours, with the audio-only hint's place. */
export const FrozenAndWeak: Story = {
  render: (args) => html`<div style="display: flex; flex-wrap: wrap; gap: 12px; margin: 16px;">
    <rtc-video-tile .participant=${{ ...still('bob', 'Bob'), media: { audio: true, video: true, screen: false } }} video-frozen
      network-quality="2" lang=${args.lang || nothing} style=${small}></rtc-video-tile>
    <rtc-video-tile .participant=${still(SELF.id, SELF.name, true)} network-weak network-quality="1"
      lang=${args.lang || nothing} style=${small}></rtc-video-tile>
  </div>`,
};

/** `show-stats`: the statistics overlay over a live remote tile, read from the call once a second. */
export const StatsOverlay: Story = {
  render: (args, context) => joinedRoom(callOf(context), html`<rtc-video-tile user-id=${args['user-id']} show-stats
    lang=${args.lang || nothing} style=${size}></rtc-video-tile>`),
  loaders: withCall({ guests: 1 }),
  tags: ['remote-video'],
};
