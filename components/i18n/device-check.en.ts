/**
 * English strings of the lobby's device check (`<rtc-device-check>`). They travel in its chunk, not
 * in the first paint, and join the tables when it loads (`addChunkStrings`); pages override them
 * like any other (`registerStrings`, `strings`). Chinese: device-check.zh-cn.ts.
 */
export const deviceCheckEn = {
  'check.heading': 'Check your devices',
  'check.meter': 'Microphone level',
  'check.meterOff': 'Microphone off',
  'check.camera': 'Camera',
  'check.microphone': 'Microphone',
  'check.speaker': 'Speaker',
  'check.testSpeaker': 'Test speaker',
  'check.playing': 'Playing a sound…',
  'check.heard': 'If you heard a chime, your speaker works.',
  'check.run': 'Check connection',
  'check.running': 'Checking your connection…',
  'check.again': 'Check again',
  'check.step.signaling': 'Reaching the call server',
  'check.step.ice': 'Finding a media path',
  'check.step.bitrate': 'Measuring speed',
  'check.result.ok': 'OK',
  'check.result.failed': 'Failed',
  'check.result.skipped': 'Skipped',
  'check.path.direct': 'direct',
  'check.path.relayed': 'through the relay server',
  'check.kbps': '{kbps} kbit/s',
  'check.mbps': '{mbps} Mbit/s',
  'check.verdict.good': 'Your connection is ready for calls.',
  'check.verdict.slow': 'Your connection is slow: video may stutter, but audio should work.',
  'check.verdict.no-relay': 'The relay server can’t be reached: calls may fail on strict networks (office, hotel).',
  'check.verdict.no-media': 'No media path: a firewall may be blocking calls. Try another network.',
  'check.verdict.no-signaling': 'The call server can’t be reached. Check your internet connection.',
  'check.forget': 'Forget my choices',
  'check.forgotten': 'Your device choices are forgotten.',
} as const;

export type DeviceCheckKey = keyof typeof deviceCheckEn;
