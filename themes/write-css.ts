/** Writes themes/light.css and themes/dark.css from themes/tokens.ts: `node --import tsx themes/write-css.ts`. */
import { writeFileSync } from 'node:fs';
import { darkTokens, lightTokens, themeCss } from './tokens.js';

for (const [name, tokens] of [['light', lightTokens], ['dark', darkTokens]] as const) {
  writeFileSync(new URL(`./${name}.css`, import.meta.url), themeCss(name, tokens));
}
