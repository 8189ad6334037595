// The SFU tests: Janus, our server, the test server and Chromium together inside a network namespace
// that scripts/test-janus.sh makes (Janus offers no candidates on loopback; janus.md). Not for running alone.
import config, { chromiumArgs } from './web-test-runner.config.mjs';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { chromiumPath } from './test/chromium.mjs';

export default {
  ...config,
  files: ['test/janus/**/*.test.ts'],
  testFramework: { config: { timeout: 120_000 } },
  browsers: [playwrightLauncher({
    product: 'chromium',
    launchOptions: {
      executablePath: chromiumPath(),
      // Real host addresses in candidates, also for a viewer that never asked for the camera: Janus ignores mDNS names.
      // Every simulcast layer even of a 360p camera (Chromium sends two of it otherwise), so the
      // thumbnail layer is there to be chosen (janus.md).
      args: [...chromiumArgs, '--disable-features=WebRtcHideLocalIpsWithMdns', '--force-fieldtrials=WebRTC-LegacySimulcastLayerLimit/Disabled/'],
    },
  })],
};
