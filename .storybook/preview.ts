import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
import { Controls, Description, Primary, Subtitle, Title } from '@storybook/addon-docs/blocks';
import { withActions } from 'storybook/actions/decorator';
import { createElement, Fragment } from 'react';
import { darkTokens, lightTokens, tokenDeclarations } from '../themes/tokens.js';
import type { StoryCall } from '../stories/support/story-call.js';
// Generated from the elements' JSDoc by `cem analyze --config .storybook/custom-elements-manifest.config.mjs`
// (the npm scripts run it first; the folder is gitignored).
import manifest from './generated/custom-elements.json';

interface Member {
  kind: string;
  name: string;
  privacy?: string;
  static?: boolean;
  attribute?: string;
}

interface Declaration {
  customElement?: boolean;
  summary?: string;
  description?: string;
  members?: Member[];
  events?: { name: string }[];
  cssParts?: { name: string }[];
}

interface Manifest {
  modules: { declarations?: Declaration[] }[];
}

/** A property worth a row of its own: public, and not already listed as an attribute (`engine`, `config`, `strings`…). */
const ownProperty = (m: Member) => m.kind === 'field' && !m.privacy && !m.static && !m.name.startsWith('#') && !m.attribute;

/**
 * The manifest as the docs show it: the public API only, each element's summary as its description,
 * and parts named `::part(name)` (Storybook keys every entry by name, so a part would hide the
 * attribute of the same name: the tile's `name`, the room's `panel`).
 */
function publicApi({ modules, ...rest }: Manifest): Manifest {
  const element = (d: Declaration): Declaration => ({
    ...d,
    description: d.description || d.summary,
    members: d.members?.filter(ownProperty),
    cssParts: d.cssParts?.map((part) => ({ ...part, name: `::part(${part.name})` })),
  });
  return { ...rest, modules: modules.map((m) => ({ ...m, declarations: m.declarations?.map((d) => (d.customElement ? element(d) : d)) })) };
}

/** The docs tables' rows that are not settable on a story: no control. */
const documentedOnly = new Set(['events', 'slots', 'css shadow parts', 'css custom properties']);

// Controls and the docs tables come from the manifest.
setCustomElementsManifest(publicApi(manifest as Manifest));

/** Every `rtc-*` event any element documents: the Actions panel logs them as they bubble out of a story. */
const events = [
  ...new Set((manifest as Manifest).modules.flatMap((m) => m.declarations ?? []).flatMap((d) => d.events ?? []).map((e) => e.name)),
];

/** The page's design tokens (the toolbar's theme), as a page would set them with themes/*.css. */
function applyTheme(theme: string): void {
  const style = (document.getElementById('story-theme') as HTMLStyleElement | null) ?? document.head.appendChild(document.createElement('style'));
  style.id = 'story-theme';
  style.textContent = `:root { ${tokenDeclarations(theme === 'dark' ? darkTokens : lightTokens)} }
    body { background: var(--rtc-color-bg); color: var(--rtc-color-text); font-family: var(--rtc-font-family); }`;
}

/**
 * An element's docs page: its summary, its first story and the API tables. Without the usual list
 * of every story, as each would run a call of its own at once.
 */
const docsPage = () =>
  createElement(Fragment, null, createElement(Title), createElement(Subtitle), createElement(Description), createElement(Primary), createElement(Controls));

const preview: Preview = {
  parameters: {
    layout: 'fullscreen',
    controls: { expanded: true },
    actions: { handles: events },
    docs: { page: docsPage },
  },
  globalTypes: {
    theme: {
      description: "The page's rtc-kit theme (tokens on :root)",
      toolbar: { title: 'Theme', icon: 'mirror', items: ['light', 'dark'], dynamicTitle: true },
    },
    locale: {
      description: "The page's language (<html lang>)",
      toolbar: { title: 'Language', icon: 'globe', items: [{ value: 'en', title: 'English' }, { value: 'zh-CN', title: '中文' }], dynamicTitle: true },
    },
  },
  initialGlobals: { theme: 'light', locale: 'en' },
  argTypesEnhancers: [
    ({ argTypes }) =>
      Object.fromEntries(
        Object.entries(argTypes).map(([name, argType]) => [
          name,
          documentedOnly.has(String(argType.table?.category)) ? { ...argType, control: false } : argType,
        ]),
      ),
  ],
  decorators: [
    withActions,
    (story, { globals }) => {
      applyTheme(String(globals['theme']));
      document.documentElement.lang = String(globals['locale'] || 'en');
      return story();
    },
  ],
  // A story's call (stories/support/story-call.ts) ends with the story: everyone leaves, media stops.
  beforeEach: ({ loaded }) => () => (loaded as { call?: StoryCall }).call?.close(),
  // A docs page per element, built from its JSDoc.
  tags: ['autodocs'],
};

export default preview;
