/** Test helpers: real MediaStreams drawn on a canvas, and plain Participant snapshots. */
import type { Participant } from '../../../core/types.js';

const running = new Set<() => void>();

/** A live video stream (a moving colour bar on a canvas), optionally with a silent audio track. */
export function canvasStream({ hue = 210, width = 320, height = 180, audio = false } = {}): MediaStream {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d')!;
  let frame = 0;
  const draw = () => {
    ctx.fillStyle = `hsl(${hue} 60% 45%)`;
    ctx.fillRect(0, 0, width, height);
    ctx.fillStyle = '#fff';
    ctx.fillRect((frame++ * 4) % width, 0, 16, height);
  };
  draw();
  const timer = setInterval(draw, 66);
  const stream = canvas.captureStream(15);
  let audioContext: AudioContext | undefined;
  if (audio) {
    audioContext = new AudioContext();
    const destination = audioContext.createMediaStreamDestination();
    const oscillator = audioContext.createOscillator();
    oscillator.connect(destination);
    oscillator.start();
    stream.addTrack(destination.stream.getAudioTracks()[0]!);
  }
  running.add(() => {
    clearInterval(timer);
    stream.getTracks().forEach((track) => track.stop());
    void audioContext?.close();
  });
  return stream;
}

/** Stops every stream canvasStream() made (call in afterEach). */
export function stopFakeMedia(): void {
  running.forEach((stop) => stop());
  running.clear();
}

/** A participant snapshot, with a camera stream unless `stream: null` is given. */
export function fakeParticipant(userId: string, overrides: Partial<Participant> = {}): Participant {
  return {
    userId,
    sessionId: `${userId}-session`,
    name: userId.charAt(0).toUpperCase() + userId.slice(1),
    role: 'participant',
    local: false,
    media: { audio: true, video: true, screen: false },
    stream: overrides.stream === undefined ? canvasStream({ hue: (userId.length * 47) % 360 }) : overrides.stream,
    screenStream: null,
    handRaised: false,
    joinedAt: Date.now(),
    link: 'connected',
    ...overrides,
  };
}
