import { html, nothing, type TemplateResult } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../components/rtc-controls/rtc-controls.js';
import '../components/rtc-video-grid/rtc-video-grid.js';
import { DEFAULT_ACTIONS } from '../components/rtc-controls/default-actions.js';
import { callOf, joinedRoom, noControl, withCall, type LoadedCall } from './support/story-room.js';
import { until } from './support/until.js';

interface ControlsArgs {
  actions: string;
  lang: string;
}

function controls(args: ControlsArgs, pageButtons: TemplateResult | typeof nothing = nothing) {
  return html`<rtc-controls actions=${args.actions} lang=${args.lang || nothing}>${pageButtons}</rtc-controls>`;
}

/** The call the controls act on: a room composed by the page, a grid above the controls. */
function inCall(context: LoadedCall, bar: TemplateResult, theme?: string) {
  return joinedRoom(callOf(context), html`<rtc-video-grid></rtc-video-grid>${bar}`, { theme });
}

/** The controls' `index`th button with this part, once there (the controls fill in once the room has joined). */
async function button(canvas: HTMLElement, part: string, index = 0): Promise<HTMLButtonElement> {
  const find = () => canvas.querySelector('rtc-controls')?.shadowRoot?.querySelectorAll<HTMLButtonElement>(`[part~="${part}"]`)[index];
  await until(find, `the ${part} button`);
  return find()!;
}

async function press(canvas: HTMLElement, part: string, index = 0): Promise<void> {
  (await button(canvas, part, index)).click();
}

const meta: Meta<ControlsArgs> = {
  title: 'Elements/rtc-controls',
  component: 'rtc-controls',
  render: (args, context) => inCall(context, controls(args)),
  args: { actions: DEFAULT_ACTIONS, lang: '' },
  argTypes: {
    actions: { control: 'text' },
    lang: { control: 'inline-radio', options: ['', 'en', 'zh-CN'] },
    ...noControl<ControlsArgs>('engine', 'strings'),
  },
  parameters: { docs: { story: { inline: false, height: '420px' } } },
};

export default meta;
type Story = StoryObj<ControlsArgs>;

export const AllButtons: Story = {
  loaders: withCall({ guests: 2 }),
  tags: ['remote-video'],
};

/** `actions` chooses and orders the buttons; `slot` is where the page's own buttons go. */
export const CustomActionsAndPageButtons: Story = {
  args: { actions: 'microphone camera slot hangup' },
  render: (args, context) =>
    inCall(
      context,
      controls(
        args,
        html`<button type="button" aria-label="Record" title="Record">
            <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true"><circle cx="12" cy="12" r="7" fill="#e11d48" /></svg>
          </button>
          <button type="button" aria-label="Invite someone" title="Invite someone">
            <svg viewBox="0 0 24 24" width="22" height="22" fill="none" stroke="currentColor" stroke-width="2" aria-hidden="true">
              <circle cx="10" cy="8" r="4" /><path d="M2 21c0-4 4-7 8-7s8 3 8 7M19 8v6M16 11h6" />
            </svg>
          </button>`,
      ),
    ),
  loaders: withCall({ guests: 2 }),
  tags: ['remote-video'],
};

/** Microphone and camera turned off (pressed here, as a user would). */
export const DevicesOff: Story = {
  loaders: withCall({ guests: 2 }),
  play: async ({ canvasElement }) => {
    for (const part of ['button-microphone', 'button-camera']) {
      const toggle = await button(canvasElement, part);
      // The camera takes a moment to start: turning it off means pressing it once it shows on.
      await until(() => toggle.getAttribute('aria-pressed') === 'true', `${part} on`);
      toggle.click();
    }
  },
  tags: ['remote-video'],
};

/** Messages that arrived while the chat was closed, and raised hands, counted on their buttons. */
export const Badges: Story = {
  loaders: withCall({
    guests: 3,
    people: { alice: { hand: true }, chen: { hand: true } },
    chat: ['Can everyone see my screen?', 'One moment…', 'Back now.'].map((text) => ({ from: 'bob', text, live: true })),
  }),
  tags: ['remote-video'],
};

/** The camera's device menu, opened. */
export const DeviceMenu: Story = {
  loaders: withCall({ guests: 1 }),
  play: ({ canvasElement }) => press(canvasElement, 'menu-button', 1),
  tags: ['remote-video'],
};

export const Chinese: Story = {
  args: { lang: 'zh-CN' },
  loaders: withCall({ guests: 1 }),
  play: ({ canvasElement }) => press(canvasElement, 'menu-button', 0),
  tags: ['remote-video'],
};

export const DarkTheme: Story = {
  render: (args, context) => inCall(context, controls(args), 'dark'),
  loaders: withCall({ guests: 2 }),
  tags: ['remote-video'],
};

/** A phone (pick the viewport in the toolbar): smaller buttons in a narrow bar. */
export const Phone: Story = {
  globals: { viewport: { value: 'mobile1', isRotated: false } },
  loaders: withCall({ guests: 2 }),
  tags: ['remote-video'],
};

/** Without a room (`controls.engine = client`): the room's buttons (layout, full screen, chat, people) are left out. */
export const OwnEngine: Story = {
  render: (args, context) => html`<rtc-controls .engine=${callOf(context).self.engine} actions=${args.actions}
    lang=${args.lang || nothing}></rtc-controls>`,
  loaders: withCall({ guests: 1, self: { join: true } }),
};
