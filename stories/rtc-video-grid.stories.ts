import { html, nothing } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../components/rtc-video-grid/rtc-video-grid.js';
import type { RtcVideoGrid } from '../components/rtc-video-grid/rtc-video-grid.component.js';
import type { RtcClient } from '../core/rtc-client.js';
import { callOf, joinedRoom, noControl, withCall } from './support/story-room.js';
import { until } from './support/until.js';

interface GridArgs {
  layout: '' | 'grid' | 'speaker';
  'max-tiles': number;
  'aspect-ratio': number;
  'full-picture': boolean;
  lang: string;
}

/** The grid; with `engine` it follows that engine itself, else the room around it. */
function grid(args: GridArgs, engine?: RtcClient) {
  return html`<rtc-video-grid .engine=${engine} layout=${args.layout || nothing} max-tiles=${args['max-tiles']}
    aspect-ratio=${args['aspect-ratio']} ?full-picture=${args['full-picture']} lang=${args.lang || nothing}
    style="flex: 1; min-height: 0"></rtc-video-grid>`;
}

const meta: Meta<GridArgs> = {
  title: 'Elements/rtc-video-grid',
  component: 'rtc-video-grid',
  // In a room (composed by the page), which provides the call; the room's own UI steps aside.
  render: (args, context) => joinedRoom(callOf(context), grid(args)),
  args: { layout: '', 'max-tiles': 12, 'aspect-ratio': 16 / 9, 'full-picture': false, lang: '' },
  argTypes: {
    layout: { control: 'inline-radio', options: ['', 'grid', 'speaker'] },
    'max-tiles': { control: { type: 'range', min: 1, max: 16, step: 1 } },
    'aspect-ratio': { control: { type: 'number', min: 0.5, max: 3, step: 0.1 } },
    lang: { control: 'inline-radio', options: ['', 'en', 'zh-CN'] },
    ...noControl<GridArgs>('view', 'participants', 'engine', 'strings'),
  },
  parameters: { docs: { story: { inline: false, height: '480px' } } },
};

export default meta;
type Story = StoryObj<GridArgs>;

export const FourPeople: Story = {
  loaders: withCall({ guests: 3 }),
  tags: ['remote-video'],
};

/** Nine people, four tiles a page: the pager pages; someone speaking on a later page moves to the first. */
export const NineWithPages: Story = {
  args: { 'max-tiles': 4 },
  loaders: withCall({ guests: 8, people: { hiro: { talking: true } } }),
  tags: ['remote-video'],
};

/** One person large, everyone else in the strip; the one talking takes the stage. */
export const SpeakerLayout: Story = {
  args: { layout: 'speaker' },
  loaders: withCall({ guests: 5, people: { bob: { talking: true } } }),
  tags: ['remote-video'],
};

/** A shared screen takes the stage by itself, uncropped; the presenter's camera stays in the strip. */
export const ScreenShare: Story = {
  loaders: withCall({ guests: 3, people: { chen: { screen: true } } }),
  tags: ['remote-video'],
};

/** Pinned with a tile's pin button (played here): Bob takes the stage until unpinned. */
export const Pinned: Story = {
  loaders: withCall({ guests: 3 }),
  play: async ({ canvasElement }) => {
    const gridElement = canvasElement.querySelector<RtcVideoGrid>('rtc-video-grid')!;
    const pin = () =>
      gridElement.shadowRoot
        ?.querySelector('rtc-video-tile[user-id="bob"]')
        ?.shadowRoot?.querySelector<HTMLButtonElement>('[part~="pin-button"]');
    await until(pin, "Bob's pin button");
    pin()!.click();
  },
  tags: ['remote-video'],
};

/** Square tiles showing whole pictures (`full-picture`): nothing is cropped. */
export const SquareWholePictures: Story = {
  args: { 'aspect-ratio': 1, 'full-picture': true },
  loaders: withCall({ guests: 3 }),
  tags: ['remote-video'],
};

/** A phone (pick the viewport in the toolbar): small tiles would get too narrow, so the grid pages sooner. */
export const Phone: Story = {
  globals: { viewport: { value: 'mobile1', isRotated: false } },
  loaders: withCall({ guests: 6 }),
  tags: ['remote-video'],
};

export const DarkTheme: Story = {
  render: (args, context) => joinedRoom(callOf(context), grid(args), { theme: 'dark' }),
  loaders: withCall({ guests: 3, people: { alice: { video: false }, bob: { audio: false } } }),
  tags: ['remote-video'],
};

/** Without a room: the grid follows the engine it is given (`grid.engine = client`). */
export const OwnEngine: Story = {
  render: (args, context) => html`<div style="height: 100vh; display: flex">${grid(args, callOf(context).self.engine)}</div>`,
  loaders: withCall({ guests: 2, self: { join: true } }),
  tags: ['remote-video'],
};
