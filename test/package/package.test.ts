/**
 * The kit as an npm package: `npm pack` of the built kit, installed into scratch projects in a temp
 * folder next to Vite, React and Vue from the registry, the projects of docs/frameworks.md built with
 * Vite (vanilla, React 19, Vue 3) and type-checked (vanilla, React with `rtc-kit/react`), then the three
 * built apps, served from their own origin, hold one call through the real server on loopback.
 * Run after `npm run build`; KEEP_SCRATCH=1 keeps the scratch folder to look at.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createRtcServer, type RtcServer } from '../../server/create-server.js';
import { chromiumArgs, chromiumPath } from '../chromium.mjs';
import { docProjects } from './doc-projects.js';

const root = resolve(import.meta.dirname, '../..');
const WAIT = { timeout: 30_000 };
/** What the scratch projects install besides the tarball: what docs/frameworks.md tells a reader to. */
const FROM_REGISTRY = {
  vite: '^8.0.0',
  react: '^19.0.0',
  'react-dom': '^19.0.0',
  vue: '^3.5.0',
  '@vitejs/plugin-react': '^6.0.0',
  '@vitejs/plugin-vue': '^6.0.0',
  '@types/react': '^19.0.0',
  '@types/react-dom': '^19.0.0',
};
/** The people of the three apps, as their docs examples name them. */
const PEOPLE = { vanilla: 'Linus', react: 'Ada', vue: 'Grace' } as const;
type App = keyof typeof PEOPLE;

const execFileAsync = promisify(execFile);

/** Runs a command; on failure the error carries what it printed. */
async function run(command: string, args: string[], cwd: string, env: Record<string, string> = {}): Promise<string> {
  try {
    const { stdout } = await execFileAsync(command, args, { cwd, env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${stdout}\n${stderr}`, { cause: error });
  }
}

/** `sideEffects` globs (`*` within a folder, `**` any folders; no `/`: any folder) as a test for a packed path. */
function globTest(glob: string): (path: string) => boolean {
  const pattern = (glob.includes('/') ? glob : `**/${glob}`)
    .replace(/^\.\//, '')
    .split(/(\*\*\/|\*)/)
    .map((part) => (part === '**/' ? '(?:.*/)?' : part === '*' ? '[^/]*' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  const regex = new RegExp(`^${pattern}$`);
  return (path) => regex.test(path);
}

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const manifest = JSON.parse(readFileSync(join(root, 'dist/custom-elements.json'), 'utf8')) as {
  modules: { declarations?: { name: string; tagName?: string }[] }[];
};
/** Every element: its tag and its class. */
const elements = manifest.modules.flatMap((m) => (m.declarations ?? []).flatMap((d) => (d.tagName ? [{ tag: d.tagName, name: d.name }] : [])));
const tags = elements.map((e) => e.tag).sort();

let scratch: string;
let packed: string[];
let rtcServer: RtcServer;
let site: Server;
let siteUrl: string;
let browser: Browser;
/** Uncaught errors and console errors of every page; a healthy call has none. */
const problems: string[] = [];

/** Type checks the docs do not show: every tag is declared, wrong props are errors, every export has types. */
function typingsCheck(): string {
  return `import { createRef } from 'react';
import type { RtcClient } from 'rtc-kit/core';
import type { RtcJoinedEvent } from 'rtc-kit';
${elements.map(({ tag, name }) => `import type { ${name} } from 'rtc-kit/elements/${tag}';`).join('\n')}

export const everyTag = [${tags.map((tag) => `<${tag} key="${tag}" />`).join(', ')}];
export const used = (room: RtcRoom, client: RtcClient, joined: RtcJoinedEvent): unknown[] => [room.userName, client.state, joined.detail.roomId];
export const withRef = <rtc-room ref={createRef<RtcRoom>()} userName="Ada" strings={{ 'lobby.join': 'Enter' }} />;
export type Elements = [${elements.map(({ name }) => name).join(', ')}];

export const wrong = [
  // @ts-expect-error mode is 'flex' | 'fullscreen' | 'answer'
  <rtc-room mode="wide" />,
  // @ts-expect-error userName is a string
  <rtc-room userName={42} />,
  // @ts-expect-error rtc-joined's detail is { roomId, userId }
  <rtc-room onrtc-joined={(event) => event.detail.nothing} />,
  // @ts-expect-error maxTiles is a number
  <rtc-video-grid maxTiles="4" />,
  // @ts-expect-error rtc-pin's detail is { userId, pinned }
  <rtc-video-grid onrtc-pin={(event) => event.detail.roomId} />,
  // @ts-expect-error no such element
  <rtc-nothing />,
];
`;
}

before(async () => {
  assert.ok(existsSync(join(root, 'dist/rtc-kit.js')), 'dist/ is missing: run `npm run build` first');
  scratch = mkdtempSync(join(tmpdir(), 'rtc-kit-package-'));

  const [pack] = JSON.parse(await run('npm', ['pack', '--json', '--pack-destination', scratch], root)) as {
    filename: string;
    files: { path: string }[];
  }[];
  packed = pack.files.map((f) => f.path).sort();

  const dependencies = { 'rtc-kit': `file:./${pack.filename}`, ...FROM_REGISTRY };
  writeFileSync(join(scratch, 'package.json'), JSON.stringify({ name: 'scratch', private: true, type: 'module', dependencies }, null, 2));
  await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], scratch);

  const projects = docProjects(readFileSync(join(root, 'docs/frameworks.md'), 'utf8'));
  projects.react['src/typings.check.tsx'] = typingsCheck();
  for (const [project, files] of Object.entries(projects)) {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(scratch, project, path)), { recursive: true });
      writeFileSync(join(scratch, project, path), text);
    }
  }

  // The apps come from their own origin, as an app's would; the rtc-kit server lets only that origin in.
  mkdirSync(join(scratch, 'site'));
  writeFileSync(join(scratch, 'site/favicon.ico'), '');
  site = createServer((req, res) => void servePlainFile(join(scratch, 'site'), req.url ?? '/', res));
  await new Promise<void>((done) => site.listen(0, '127.0.0.1', done));
  siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  rtcServer = await createRtcServer({ port: 0, host: '127.0.0.1', quiet: true, staticDir: join(scratch, 'no-static'), stateDir: join(scratch, 'state'), allowedOrigins: [siteUrl] });

  const vite = join(scratch, 'node_modules/.bin/vite');
  for (const app of Object.keys(PEOPLE)) {
    const outDir = join(scratch, 'site', app);
    await run(vite, ['build', '--logLevel', 'warn', '--base', `/${app}/`, '--outDir', outDir, '--emptyOutDir'], join(scratch, app), {
      VITE_RTC_SERVER: rtcServer.url,
    });
  }
  browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
});

after(async () => {
  await browser?.close();
  await rtcServer?.close();
  await new Promise((done) => (site ? site.close(done) : done(undefined)));
  if (process.env.KEEP_SCRATCH) console.log(`# the scratch projects are in ${scratch}`);
  else if (scratch) rmSync(scratch, { recursive: true, force: true });
});

test('the tarball holds the built kit, its types, manifest, themes and README, and nothing else', () => {
  assert.equal(pkg.private, undefined, 'package.json is private');
  const allowed = ['package.json', 'README.md', 'LICENSE', 'dist/*.js', 'dist/chunks/**/*.js', 'dist/elements/**/*.js', 'dist/types/**/*.d.ts', 'dist/custom-elements.json', 'dist/themes/*.css'].map(globTest);
  assert.deepEqual(packed.filter((path) => !allowed.some((ok) => ok(path))), []);
  for (const file of ['dist/rtc-kit.js', 'dist/rtc-kit-core.js', 'dist/custom-elements.json', 'dist/types/react.d.ts', 'README.md']) {
    assert.ok(packed.includes(file), `${file} is not in the tarball`);
  }
  // A bundler may drop an imported module that is not listed, and with it the element it registers.
  const sideEffects = (pkg.sideEffects as string[]).map(globTest);
  const registering = packed.filter((path) => path.endsWith('.js') && readFileSync(join(root, path), 'utf8').includes('customElements'));
  assert.ok(registering.some((path) => !path.startsWith('dist/elements/')), 'dist/rtc-kit.js and its chunks register no element');
  assert.deepEqual(registering.filter((path) => !sideEffects.some((listed) => listed(path))), [], 'registering modules not in sideEffects');
});

test('every export resolves, under Node, to a file in the installed package', async () => {
  const specifiers = ['rtc-kit', 'rtc-kit/core', 'rtc-kit/themes/light.css', 'rtc-kit/themes/dark.css', 'rtc-kit/custom-elements.json', ...tags.map((tag) => `rtc-kit/elements/${tag}`)];
  const script = `for (const s of ${JSON.stringify(specifiers)}) console.log(import.meta.resolve(s));`;
  const resolved = (await run(process.execPath, ['--input-type=module', '-e', script], scratch)).trim().split('\n');
  assert.equal(resolved.length, specifiers.length);
  for (const [i, url] of resolved.entries()) {
    assert.ok(existsSync(fileURLToPath(url)), `${specifiers[i]} resolves to ${url}, which is missing`);
  }
});

test('the vanilla and React projects type-check against the package, JSX typings included', async () => {
  const tsc = join(root, 'node_modules/.bin/tsc');
  // skipLibCheck off: the package's own declarations (rtc-kit/react among them) must be sound too.
  for (const app of ['vanilla', 'react']) await run(tsc, ['-p', join(scratch, app), '--skipLibCheck', 'false'], scratch);
});

async function open(app: App): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 960, height: 640 } });
  const page = await context.newPage();
  page.on('pageerror', (error) => problems.push(`${app} page threw: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`${app} console: ${message.text()} (${message.location().url})`);
  });
  await page.goto(`${siteUrl}/${app}/`);
  return page;
}

/** Resolves when the tile named `name` on `page` shows video frames that keep coming. */
async function showsLiveVideo(page: Page, name: string): Promise<void> {
  // Locators pierce the elements' shadow roots.
  const video = page.locator('rtc-video-tile:not([local])', { hasText: name }).locator('video');
  const frames = () => video.evaluate((v: HTMLVideoElement) => (v.videoWidth > 0 ? v.getVideoPlaybackQuality().totalVideoFrames : 0));
  await video.waitFor(WAIT);
  const deadline = Date.now() + WAIT.timeout;
  let first = 0;
  while ((first = await frames()) === 0 && Date.now() < deadline) await page.waitForTimeout(250);
  while ((await frames()) <= first && Date.now() < deadline) await page.waitForTimeout(250);
  assert.ok((await frames()) > first, `${name}'s video never played`);
}

test('the built vanilla, React and Vue apps hold one call', async () => {
  const apps = Object.keys(PEOPLE) as App[];
  const pages = {} as Record<App, Page>;
  for (const app of apps) pages[app] = await open(app);

  await test("each app hears rtc-joined through its own binding (addEventListener, React's onrtc-joined, Vue's @rtc-joined)", async () => {
    await Promise.all(
      apps.map((app) =>
        pages[app]
          .locator('.status', { hasText: /^In the call as \S+$/ })
          .waitFor(WAIT)
          .catch(async (error: Error) => {
            const room = pages[app].locator('rtc-room');
            const where = `phase ${await room.getAttribute('phase')}, connection ${await room.getAttribute('connection-state')}`;
            assert.fail(`${app} never showed it joined (${where}): ${error.message}\n${problems.join('\n')}`);
          }),
      ),
    );
  });

  await test("each sees the two others live, under the names the apps set (an attribute, React's and Vue's userName property)", async () => {
    await Promise.all(apps.flatMap((app) => apps.filter((other) => other !== app).map((other) => showsLiveVideo(pages[app], PEOPLE[other]))));
  });

  await test("a message sent in the React app shows in the Vue app's chat (the panels load when opened)", async () => {
    await pages.react.locator('rtc-controls button.chat').click();
    const input = pages.react.locator('rtc-chat textarea');
    await input.fill('Hello from React');
    await input.press('Enter');
    await pages.vue.locator('rtc-controls button.chat').click();
    await pages.vue.locator('rtc-chat [part="text"]', { hasText: 'Hello from React' }).waitFor(WAIT);
  });

  await test("the theme stylesheet imported from the package applies (the bundler kept it)", async () => {
    const background = await pages.vanilla.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--rtc-color-bg').trim());
    assert.equal(background, /--rtc-color-bg:\s*([^;]+);/.exec(readFileSync(join(root, 'themes/dark.css'), 'utf8'))?.[1]);
  });

  assert.deepEqual(problems, []);
});

/** The app's own site: a plain file server, with none of the rtc-kit server's headers (its demo CSP is not the app's). */
async function servePlainFile(root: string, target: string, res: ServerResponse): Promise<void> {
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml' };
  let file = join(root, decodeURIComponent(new URL(target, 'http://site').pathname));
  if (!file.startsWith(root)) return void res.writeHead(404).end();
  try {
    if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
    const body = await readFile(file);
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(body);
  } catch {
    res.writeHead(404).end();
  }
}
