/** The build's css`` minifier: smaller text, every `${…}` where it stood, anything doubtful left as written. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseAst } from 'vite';
import { minifyCssParts, minifyLitCss } from './minify-lit-css.js';

async function transformed(code: string): Promise<{ code: string | undefined; warnings: string[] }> {
  const warnings: string[] = [];
  const context = { parse: (source: string, options: object) => parseAst(source, options), warn: (message: string) => warnings.push(message) };
  const hook = minifyLitCss().transform as (this: unknown, code: string, id: string) => Promise<{ code: { toString(): string } } | null>;
  const result = await hook.call(context, code, '/x/components/thing.styles.ts');
  return { code: result?.code.toString(), warnings };
}

describe('minifyLitCss', () => {
  it('minifies around values and around whole blocks of declarations or rules', async () => {
    const parts = await minifyCssParts([
      '\n  :host {\n    ',
      '\n    padding: ',
      ' 0px;\n    color: #ffffff;\n  }\n  @container (max-height: 300px) {\n    ',
      '\n  }\n',
    ]);
    assert.deepEqual(parts, [':host{', 'padding:', ' 0px;color:#fff}@container (max-height: 300px){', '}']);
  });

  it('keeps a template esbuild finds fault with as written', async () => {
    assert.equal(await minifyCssParts(['.a { color: red; ', ' }} .b {']), undefined);
  });

  it('rewrites css`` templates only, and keeps what the template literal needs escaped', async () => {
    const source = [
      "import { css, html } from 'lit';",
      "const tokenVar = (name: string): string => `var(--rtc-${name})`;",
      'export const styles = css`\n  .a::before {\n    content: "\\\\2022 \\`";\n    margin: ${token(\'space-s\')};\n  }\n`;',
      'export const view = html`<p>\n  keep   me\n</p>`;',
    ].join('\n');
    const { code, warnings } = await transformed(source);
    assert.deepEqual(warnings, []);
    assert.ok(code, 'the module changed');
    assert.ok(code.includes('css`.a:before{content:"\\\\2022\\`";margin:${token(\'space-s\')}}`'), code);
    assert.ok(code.includes('html`<p>\n  keep   me\n</p>`'), 'html templates untouched');
    assert.ok(code.includes('`var(--rtc-${name})`'), 'untagged templates untouched');
  });
});
