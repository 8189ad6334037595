// The project's manifest config, written where .storybook/preview.ts imports it (gitignored), and
// without pointing package.json's `customElements` at this copy (the analyzer does that by default).
import config from '../custom-elements-manifest.config.mjs';

export default { ...config, outdir: '.storybook/generated', packagejson: false };
