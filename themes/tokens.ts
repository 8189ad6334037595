/**
 * The design tokens, written once. Elements read them as `var(--rtc-x, <light value>)` through
 * `token()`, so an element works with no stylesheet at all; `<rtc-room theme>` sets a whole theme on
 * its host; themes/light.css and themes/dark.css (generated from this file by
 * `node --import tsx themes/write-css.ts`) let a page set them anywhere, e.g. on `:root`.
 */
const shared = {
  'font-family':
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", sans-serif',
  'font-size-s': '0.8125rem',
  'font-size-m': '0.9375rem',
  'font-size-l': '1.125rem',
  'font-size-xl': '1.5rem',
  'font-weight-strong': '600',
  'space-xs': '4px',
  'space-s': '8px',
  'space-m': '12px',
  'space-l': '16px',
  'space-xl': '24px',
  'radius-s': '6px',
  'radius-m': '12px',
  'radius-l': '18px',
  'radius-full': '9999px',
  'control-size': '48px',
  'focus-ring-width': '2px',
  'transition': '150ms ease',
  'z-layer': '2147483000',
};

export const lightTokens: Readonly<Record<string, string>> = {
  ...shared,
  'color-bg': '#eef0f4',
  'color-surface': '#ffffff',
  'color-surface-raised': '#ffffff',
  'color-tile': '#d9dee7',
  'color-text': '#161a21',
  'color-text-muted': '#5a6270',
  'color-border': 'rgba(22, 26, 33, 0.12)',
  'color-accent': '#2f6fed',
  'color-on-accent': '#ffffff',
  'color-danger': '#d93036',
  'color-on-danger': '#ffffff',
  'color-speaking': '#1fae6b',
  'color-control': '#ffffff',
  'color-control-hover': '#e6e9ef',
  'color-on-control': '#161a21',
  'color-focus': '#2f6fed',
  'color-scrim': 'rgba(10, 12, 16, 0.55)',
  'color-label': 'rgba(10, 12, 16, 0.62)',
  'color-on-label': '#ffffff',
  'shadow-raised': '0 1px 2px rgba(16, 20, 28, 0.08), 0 8px 24px rgba(16, 20, 28, 0.14)',
};

export const darkTokens: Readonly<Record<string, string>> = {
  ...shared,
  'color-bg': '#0f1115',
  'color-surface': '#1a1d23',
  'color-surface-raised': '#252932',
  'color-tile': '#22262e',
  'color-text': '#eef0f4',
  'color-text-muted': '#a2a9b6',
  'color-border': 'rgba(238, 240, 244, 0.12)',
  'color-accent': '#5b8cff',
  'color-on-accent': '#0b0d12',
  'color-danger': '#ef4b51',
  'color-on-danger': '#ffffff',
  'color-speaking': '#35d08a',
  'color-control': '#2a2e37',
  'color-control-hover': '#363b46',
  'color-on-control': '#eef0f4',
  'color-focus': '#8aadff',
  'color-scrim': 'rgba(0, 0, 0, 0.6)',
  'color-label': 'rgba(0, 0, 0, 0.58)',
  'color-on-label': '#ffffff',
  'shadow-raised': '0 1px 2px rgba(0, 0, 0, 0.3), 0 8px 24px rgba(0, 0, 0, 0.45)',
};

/** `var(--rtc-name, light value)`: the token, falling back to the light theme when no theme is set. */
export function tokenVar(name: string): string {
  const fallback = lightTokens[name];
  if (fallback === undefined) throw new Error(`Unknown design token: ${name}`);
  return `var(--rtc-${name}, ${fallback})`;
}

/** Declarations setting every token of a theme, e.g. inside `:host([theme='dark']) { … }`. */
export function tokenDeclarations(tokens: Readonly<Record<string, string>>): string {
  return Object.entries(tokens)
    .map(([name, value]) => `--rtc-${name}: ${value};`)
    .join('\n');
}

/** The text of themes/<name>.css: the tokens on `:root` and on a `.rtc-theme-<name>` class. */
export function themeCss(name: string, tokens: Readonly<Record<string, string>>): string {
  const body = tokenDeclarations(tokens).replace(/^/gm, '  ');
  return `/* rtc-kit ${name} theme: generated from themes/tokens.ts by themes/write-css.ts. */\n:root,\n.rtc-theme-${name} {\n${body}\n}\n`;
}
