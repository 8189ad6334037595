/**
 * A build plugin that minifies the CSS inside lit's css`` templates with esbuild's CSS minifier
 * (terser leaves template text alone): about a third of the elements' styles is indentation and
 * spelled-out values. Each `${…}` becomes a placeholder esbuild keeps where it stands: a value
 * (`__rtcTpl0__`) or, where a rule or declaration could start, an unknown at-rule (`@rtcTpl0;`, for
 * `${light}` or `${visuallyHidden}`). A template whose placeholders do not all come back once and in
 * order, or that esbuild warns about, is left as written.
 */
import { transform } from 'esbuild';
import { RolldownMagicString } from 'rolldown';
import type { Plugin } from 'vite';

interface Node {
  type: string;
  start: number;
  end: number;
  [key: string]: unknown;
}

interface TemplateElement extends Node {
  value: { cooked: string | null; raw: string };
}

interface TemplateLiteral extends Node {
  quasis: TemplateElement[];
  expressions: Node[];
}

/** Every css`` template in the module. */
function cssTemplates(ast: Node): TemplateLiteral[] {
  const found: TemplateLiteral[] = [];
  const visit = (value: unknown) => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (!value || typeof value !== 'object' || typeof (value as Node).type !== 'string') return;
    const node = value as Node;
    const tag = node.tag as Node | undefined;
    if (node.type === 'TaggedTemplateExpression' && tag?.type === 'Identifier' && tag.name === 'css') {
      found.push(node.quasi as TemplateLiteral);
    }
    for (const key in node) if (key !== 'type') visit(node[key]);
  };
  visit(ast);
  return found;
}

const valuePlaceholder = (i: number) => `__rtcTpl${i}__`;
const blockPlaceholder = (i: number) => `@rtcTpl${i};`;

/** Where a rule or a declaration could start: the placeholder must be a statement there. */
function startsStatement(before: string): boolean {
  const last = before.trimEnd().at(-1);
  return last === undefined || last === '{' || last === '}' || last === ';';
}

/** The template's parts minified (one more than its expressions), or undefined to keep it as written. */
export async function minifyCssParts(parts: readonly string[]): Promise<string[] | undefined> {
  const placeholders: string[] = [];
  let source = parts[0]!;
  for (let i = 1; i < parts.length; i++) {
    const placeholder = startsStatement(source) ? blockPlaceholder(i) : valuePlaceholder(i);
    placeholders.push(placeholder);
    source += placeholder + parts[i];
  }
  const result = await transform(source, { loader: 'css', minify: true, logLevel: 'silent' });
  if (result.warnings.length > 0) return undefined;
  const minified: string[] = [];
  let rest = result.code.trim();
  for (const placeholder of placeholders) {
    const at = rest.indexOf(placeholder);
    if (at < 0 || rest.indexOf(placeholder, at + 1) >= 0) return undefined;
    minified.push(rest.slice(0, at));
    rest = rest.slice(at + placeholder.length);
  }
  minified.push(rest);
  return minified;
}

/** Text as a template literal writes it (the inverse of "cooked"). */
function asTemplateText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${');
}

/** Where a quasi's text starts: parsers differ on whether its offsets include the `} or backtick before it. */
function rawStart(code: string, quasi: TemplateElement): number {
  for (const start of [quasi.start, quasi.start + 1]) {
    if (code.startsWith(quasi.value.raw, start)) return start;
  }
  throw new Error(`minifyLitCss: no template text at offset ${quasi.start}`);
}

export function minifyLitCss(): Plugin {
  return {
    name: 'rtc-kit:minify-lit-css',
    // On the TypeScript as written, before anything moves it (offsets are the source's).
    enforce: 'pre',
    async transform(code, id) {
      if (!/\.[cm]?[jt]s$/.test(id) || !code.includes('css`')) return null;
      const templates = cssTemplates(this.parse(code, { lang: id.endsWith('.ts') ? 'ts' : 'js' }) as unknown as Node);
      const edits: { start: number; end: number; text: string }[] = [];
      for (const template of templates) {
        const parts = template.quasis.map((quasi) => quasi.value.cooked);
        if (parts.some((part) => part === null)) continue;
        const minified = await minifyCssParts(parts as string[]);
        if (!minified) {
          this.warn(`css template at ${id}:${template.start} kept as written (esbuild could not minify it safely)`);
          continue;
        }
        for (const [i, quasi] of template.quasis.entries()) {
          const start = rawStart(code, quasi);
          edits.push({ start, end: start + quasi.value.raw.length, text: asTemplateText(minified[i]!) });
        }
      }
      if (edits.length === 0) return null;
      // Rolldown's own MagicString: the source map follows the edits.
      const magic = new RolldownMagicString(code);
      for (const edit of edits) {
        if (edit.end > edit.start) magic.overwrite(edit.start, edit.end, edit.text);
        else if (edit.text) magic.appendLeft(edit.start, edit.text);
      }
      return { code: magic };
    },
  };
}
