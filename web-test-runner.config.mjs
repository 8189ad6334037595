// Browser tests: core/ and components/ in Debian's Chromium with fake camera and microphone.
import { playwrightLauncher } from '@web/test-runner-playwright';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { existsSync } from 'node:fs';
import { rtcServerPlugin } from './test/wtr-rtc-server-plugin.mjs';

const executablePath = process.env.CHROME_PATH || '/usr/bin/chromium';
if (!existsSync(executablePath)) {
  throw new Error(`No Chromium at ${executablePath}: run "npm run setup" or set CHROME_PATH.`);
}

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
  // Tests that check the autoplay affordance opt back into the real policy.
  '--autoplay-policy=no-user-gesture-required',
];

export default {
  files: ['core/**/*.test.ts', 'components/**/*.test.ts', '!**/*.node.test.ts'],
  nodeResolve: true,
  concurrency: 1,
  testsFinishTimeout: 10 * 60_000,
  testFramework: { config: { timeout: 30_000 } },
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }), rtcServerPlugin()],
  browsers: [playwrightLauncher({ product: 'chromium', launchOptions: { executablePath, args: chromiumArgs } })],
};
