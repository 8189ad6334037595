/** The synthetic source's options that stories rely on: a camera colour of one's own, a silent microphone. */
import { expect } from '@open-wc/testing';
import { SYNTHETIC_COLORS, SyntheticMedia } from './synthetic-media.js';
import { until } from './media-probes.js';

/** A frame's background colour as `rgb(r, g, b)`: of its top corners (away from the label), the one the moving light bar is not over. */
async function corner(stream: MediaStream): Promise<string> {
  const video = document.createElement('video');
  video.muted = true;
  video.srcObject = stream;
  await video.play();
  await until(() => video.videoWidth > 0, 'a frame');
  const canvas = document.createElement('canvas');
  canvas.width = video.videoWidth;
  canvas.height = video.videoHeight;
  const context = canvas.getContext('2d')!;
  context.drawImage(video, 0, 0);
  const corners = [2, canvas.width - 3].map((x) => [...context.getImageData(x, 2, 1, 1).data.slice(0, 3)]);
  const sum = (pixel: number[]) => pixel.reduce((a, b) => a + b, 0);
  const [r, g, b] = corners.sort((p, q) => sum(p) - sum(q))[0]!;
  video.srcObject = null;
  return `rgb(${r}, ${g}, ${b})`;
}

/** The loudest sample the microphone gives over 1.3 s, longer than a pause between its bursts (0: silence). */
async function loudness(stream: MediaStream): Promise<number> {
  const audio = new AudioContext();
  const analyser = audio.createAnalyser();
  audio.createMediaStreamSource(stream).connect(analyser);
  const samples = new Float32Array(analyser.fftSize);
  let peak = 0;
  const end = performance.now() + 1300;
  while (performance.now() < end) {
    analyser.getFloatTimeDomainData(samples);
    for (const sample of samples) peak = Math.max(peak, Math.abs(sample));
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await audio.close();
  return peak;
}

const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;
/** Colours compared loosely: video encoding shifts them a little. */
const near = (a: string, b: string) => {
  const channels = (s: string) => s.match(/\d+/g)!.map(Number);
  return channels(a).every((value, i) => Math.abs(value - channels(b)[i]!) < 24);
};

describe('SyntheticMedia', () => {
  let media: SyntheticMedia | undefined;
  afterEach(() => media?.close());

  it('paints each camera its own colour, or the one `color` gives', async () => {
    media = new SyntheticMedia({ width: 160, height: 90 });
    expect(near(await corner(await media.getUserMedia({ video: true })), rgb(SYNTHETIC_COLORS[0]!))).to.be.true;
    media.close();
    media = new SyntheticMedia({ width: 160, height: 90, color: '#ff8800' });
    const cameras = (await media.enumerateDevices()).filter((d) => d.kind === 'videoinput');
    for (const camera of cameras) {
      const colour = await corner(await media.getUserMedia({ video: { deviceId: { exact: camera.deviceId } } }));
      expect(near(colour, 'rgb(255, 136, 0)'), colour).to.be.true;
    }
  });

  it('talks in bursts of a tone, or stays silent with `tone: false`', async () => {
    media = new SyntheticMedia();
    expect(await loudness(await media.getUserMedia({ audio: true }))).to.be.greaterThan(0.1);
    media.close();
    media = new SyntheticMedia({ tone: false });
    const stream = await media.getUserMedia({ audio: true });
    const [track] = stream.getAudioTracks();
    expect(track!.readyState).to.equal('live');
    expect(track!.getSettings().deviceId, 'it reports the microphone it stands for').to.match(/^synthetic-audioinput-/);
    expect(await loudness(stream)).to.equal(0);
  });
});
