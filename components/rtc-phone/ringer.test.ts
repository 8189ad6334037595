/** The phone's ring: real Web Audio in Chromium, heard through a stream a test can measure. */
import { expect, waitUntil } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import { Ringer, type AudioContextLike } from './ringer.js';

/** A real AudioContext whose output goes to a stream we can listen to, and that the "browser" may keep suspended until a click. */
function listenedContext(options: { blockedUntilClick?: boolean } = {}) {
  const real = new AudioContext();
  const out = real.createMediaStreamDestination();
  const analyser = real.createAnalyser();
  real.createMediaStreamSource(out.stream).connect(analyser);
  let allowed = !options.blockedUntilClick;
  // The browser's policy: sound is allowed from the first gesture on (seen before the page's listeners).
  const onGesture = () => (allowed = true);
  window.addEventListener('pointerdown', onGesture, { capture: true, once: true });
  const context = {
    get state() {
      return allowed ? real.state : 'suspended';
    },
    get currentTime() {
      return real.currentTime;
    },
    destination: out as unknown as AudioDestinationNode,
    resume: () => (allowed ? real.resume() : Promise.resolve()),
    close: () => real.close(),
    createOscillator: () => real.createOscillator(),
    createGain: () => real.createGain(),
  } satisfies AudioContextLike;
  const loudness = () => {
    const samples = new Float32Array(analyser.fftSize);
    analyser.getFloatTimeDomainData(samples);
    return Math.max(...samples.map(Math.abs));
  };
  return { context, loudness, close: () => window.removeEventListener('pointerdown', onGesture, { capture: true }) };
}

describe('Ringer', () => {
  it('rings with a Web Audio tone, and is quiet once stopped', async () => {
    const ear = listenedContext();
    const ringer = new Ringer({ sounds: () => ({}), silent: () => false, blockedChanged: () => {}, createContext: () => ear.context });
    ringer.start('incoming');
    await waitUntil(() => ear.loudness() > 0.05, 'the ring to be heard', { timeout: 5000 });
    ringer.stop();
    await waitUntil(() => ear.loudness() === 0, 'silence after stop', { timeout: 5000 });
    ringer.dispose();
    ear.close();
  });

  it('plays the ring-back tone while calling out', async () => {
    const ear = listenedContext();
    const ringer = new Ringer({ sounds: () => ({}), silent: () => false, blockedChanged: () => {}, createContext: () => ear.context });
    ringer.start('outgoing');
    expect(ringer.kind).to.equal('outgoing');
    await waitUntil(() => ear.loudness() > 0.05, 'the ring-back to be heard', { timeout: 5000 });
    ringer.dispose();
    ear.close();
  });

  it('says the sound is blocked before any gesture, and rings from the first click anywhere', async () => {
    const ear = listenedContext({ blockedUntilClick: true });
    const blocked: boolean[] = [];
    const ringer = new Ringer({ sounds: () => ({}), silent: () => false, blockedChanged: (b) => blocked.push(b), createContext: () => ear.context });
    ringer.start('incoming');
    await waitUntil(() => ringer.blocked, 'blocked to be reported');
    expect(ear.loudness()).to.equal(0);
    await sendMouse({ type: 'click', position: [5, 5] });
    await waitUntil(() => ear.loudness() > 0.05, 'the ring after the click', { timeout: 5000 });
    expect(blocked).to.deep.equal([true, false]);
    ringer.dispose();
    ear.close();
  });

  it('stays quiet when silent', async () => {
    const ear = listenedContext();
    let asked = false;
    const ringer = new Ringer({ sounds: () => ({}), silent: () => true, blockedChanged: () => {}, createContext: () => ((asked = true), ear.context) });
    ringer.start('incoming');
    expect(asked).to.equal(false, 'no audio context is even made');
    ringer.dispose();
    ear.close();
  });
});
