// Browser tests: core/ and components/ in Debian's Chromium with fake camera and microphone.
import { playwrightLauncher } from '@web/test-runner-playwright';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromiumArgs, chromiumPath } from './test/chromium.mjs';
import { rtcServerPlugin } from './test/wtr-rtc-server-plugin.mjs';

export { chromiumArgs };

const executablePath = chromiumPath();

// webrtc-adapter imports `sdp`, which is CommonJS only; hand the browser an ES module instead.
const COMMONJS_ONLY = ['/sdp/sdp.js'];
const sdpAsModule = {
  name: 'sdp-as-module',
  transform(context) {
    if (!COMMONJS_ONLY.some((path) => context.path.endsWith(path))) return undefined;
    return { body: `const module = { exports: {} };\n${context.body}\nexport default module.exports;\n` };
  },
};

// Node-only tests (*.node.test.ts, run by Node's runner) are served empty, so a command-line glob such as
// "core/**/*.test.ts" can include them without failing in the browser.
const skipNodeTests = {
  name: 'skip-node-tests',
  serve(context) {
    if (context.path.endsWith('.node.test.ts')) return { body: 'export {};\n', type: 'js' };
    return undefined;
  },
};

export default {
  files: ['core/**/*.test.ts', 'components/**/*.test.ts', '!**/*.node.test.ts'],
  nodeResolve: true,
  concurrency: 1,
  testsFinishTimeout: 10 * 60_000,
  testFramework: { config: { timeout: 30_000 } },
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }), sdpAsModule, skipNodeTests, rtcServerPlugin()],
  browsers: [playwrightLauncher({ product: 'chromium', launchOptions: { executablePath, args: chromiumArgs } })],
};
