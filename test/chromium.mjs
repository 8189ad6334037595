// The Chromium every browser test, end-to-end test and benchmark runs: Debian's, or CHROME_PATH.
import { existsSync } from 'node:fs';

export function chromiumPath() {
  const path = process.env.CHROME_PATH || '/usr/bin/chromium';
  if (!existsSync(path)) throw new Error(`No Chromium at ${path}: run "npm run setup" or set CHROME_PATH.`);
  return path;
}

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Three fake cameras, so switching can be tested: fake_device_0 (I420) and fake_device_2 (MJPEG) can be
  // sent over WebRTC; fake_device_1 is a Y16 depth camera that encoders refuse. Microphones and speakers: three each.
  '--use-fake-device-for-media-stream=device-count=3',
  '--use-fake-ui-for-media-stream',
  // Tests that check the autoplay affordance simulate the refusal themselves.
  '--autoplay-policy=no-user-gesture-required',
];
