import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  // Autodocs: a page per element from its JSDoc (through the generated manifest, see preview.ts).
  addons: ['@storybook/addon-docs'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true },
  viteFinal(config) {
    // Storybook's renderer imports lit/directive-helpers.js, which `storybook dev` would otherwise serve
    // unbundled next to the pre-bundled lit: a second lit-html in the page ("Multiple versions of Lit loaded").
    const include = [...(config.optimizeDeps?.include ?? []), 'lit/directive-helpers.js'];
    return { ...config, optimizeDeps: { ...config.optimizeDeps, include } };
  },
};

export default config;
