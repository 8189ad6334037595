/** Story helpers: a call as a story's loader, and the `<rtc-room>` the story's user joins it with. */
import { html, nothing, type TemplateResult } from 'lit';
import type { ArgTypes } from '@storybook/web-components-vite';
import '../../components/rtc-room/rtc-room.js';
import { StoryCall, type CallOptions } from './story-call.js';

/** The call of each story on the page, by story id: Storybook runs loaders again on every re-render (a control changed). */
const calls = new Map<string, Promise<StoryCall>>();

/**
 * `loaders: withCall({...})`: the call starts before the story first renders, then `then` runs (for
 * what goes on during the story). Re-renders keep it; .storybook/preview.ts ends it with the story.
 */
export function withCall(options: CallOptions, then?: (call: StoryCall) => void) {
  return [
    async ({ id }: { id: string }) => {
      const running = await calls.get(id)?.catch(() => undefined);
      if (running && !running.closed) return { call: running };
      const starting = StoryCall.start(options).then((call) => {
        then?.(call);
        return call;
      });
      calls.set(id, starting);
      return { call: await starting };
    },
  ];
}

/** A story's context, where `withCall` left the call. */
export interface LoadedCall {
  loaded: Record<string, unknown>;
}

/** The call `withCall` started for this story. */
export function callOf(context: LoadedCall): StoryCall {
  const call = context.loaded['call'] as StoryCall | undefined;
  if (!call) throw new Error('This story needs `loaders: withCall({...})`.');
  return call;
}

/**
 * An `<rtc-room>` on the story's user's engine that joins at once and provides the call to
 * `content`, the story's composition (the element the story is about), in the room's `theme`.
 */
export function joinedRoom(call: StoryCall, content: TemplateResult, { theme }: { theme?: string } = {}): TemplateResult {
  return html`<rtc-room autojoin .engine=${call.self.engine} .token=${call.self.token} theme=${theme || nothing}
    style="height: 100vh">${content}</rtc-room>`;
}

/*
 * The tag 'remote-video' (a string literal in each story, as Storybook wants) marks a story showing
 * a remote person's live video: the smoke test (test/storybook) checks that frames arrive.
 */

/**
 * Entries of the element's manifest (from its JSDoc) listed in the docs and controls tables without
 * a control: state the element sets itself, or what the story's call provides.
 */
export function noControl<Args>(...names: string[]): Partial<ArgTypes<Args>> {
  return Object.fromEntries(names.map((name) => [name, { control: false }])) as Partial<ArgTypes<Args>>;
}
