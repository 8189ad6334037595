/** Screen share with the tab's sound, through the real server on loopback: the others hear it, and it stops with the share. */
import { expect } from '@open-wc/testing';
import { joinAs, roomName, startServer, stopServer, type TestClient, type TestServer } from './testing/call-fixture.js';
import { framesArrive, play, until } from './testing/media-probes.js';
import { SyntheticMedia } from './testing/synthetic-media.js';

/** A synthetic source that remembers what each screen picker handed over. */
class RecordingMedia extends SyntheticMedia {
  readonly picked: MediaStream[] = [];
  override async getDisplayMedia(options?: DisplayMediaStreamOptions): Promise<MediaStream> {
    const stream = await super.getDisplayMedia(options);
    this.picked.push(stream);
    return stream;
  }
}

/** The loudest sample a stream's audio carries now (0 silent, up to 1). */
function peak(analyser: AnalyserNode): number {
  const samples = new Float32Array(analyser.fftSize);
  analyser.getFloatTimeDomainData(samples);
  return samples.reduce((max, s) => Math.max(max, Math.abs(s)), 0);
}

describe('RtcClient: screen share with its sound', function () {
  this.timeout(120_000);
  let server: TestServer;
  let alice: TestClient;
  let bob: TestClient;
  // Silent microphones: whatever bob hears on the screen's stream can only be alice's shared tab.
  const aliceMedia = new RecordingMedia({ label: 'Alice', tone: false });
  const context = new AudioContext();
  const stops: (() => void)[] = [];

  before(async () => {
    server = await startServer();
    const room = roomName('screen-audio');
    alice = await joinAs(server, { room, user: 'alice', name: 'Alice', options: { mediaSource: aliceMedia } });
    bob = await joinAs(server, { room, user: 'bob', name: 'Bob', options: { mediaSource: new SyntheticMedia({ label: 'Bob', tone: false }) } });
    await until(() => bob.participants.get('alice')?.link === 'connected' && alice.participants.get('bob')?.link === 'connected', 'both linked');
  });

  after(async () => {
    stops.forEach((stop) => stop());
    await Promise.all([alice, bob].map((c) => c?.leave()));
    aliceMedia.close();
    await context.close();
    if (server) await stopServer(server);
  });

  it('sends the shared tab\'s sound with the screen, heard on the other side, without renegotiating', async () => {
    const offersBefore = alice.offersSent + bob.offersSent;
    await alice.shareScreen(true);
    const [picked] = aliceMedia.picked;
    expect(picked!.getAudioTracks().length, 'the picker was asked for sound').to.equal(1);
    expect(alice.self.screenStream!.getAudioTracks(), 'her own screen stream carries the sound (a local recording mixes it)').to.deep.equal(picked!.getAudioTracks());

    await until(() => !!bob.participants.get('alice')?.screenStream?.getAudioTracks().length, 'the screen\'s sound at bob');
    const screen = bob.participants.get('alice')!.screenStream!;
    await framesArrive(screen);
    expect(bob.events('track-added').some((e) => e.userId === 'alice' && e.source === 'screen-audio' && e.stream === screen)).to.equal(true);

    stops.push(play(screen));
    const analyser = context.createAnalyser();
    context.createMediaStreamSource(new MediaStream(screen.getAudioTracks())).connect(analyser);
    // Her microphone is silent: the tone comes on the screen's own transceiver, not mixed into her voice.
    await until(() => peak(analyser) > 0.05, 'bob to hear alice\'s tab through the screen\'s stream');
    expect(alice.offersSent + bob.offersSent).to.equal(offersBefore);

    await alice.shareScreen(false);
    expect(picked!.getAudioTracks()[0]!.readyState, 'the tab\'s sound is released with the screen').to.equal('ended');
    await until(() => bob.participants.get('alice')?.screenStream === null, 'bob to see the share end');
    expect(bob.events('track-removed').some((e) => e.userId === 'alice' && e.source === 'screen-audio')).to.equal(true);
    expect(alice.offersSent + bob.offersSent).to.equal(offersBefore);
  });

  it('asks for the screen alone with audio: false', async () => {
    await alice.shareScreen(true, { audio: false });
    expect(aliceMedia.picked.at(-1)!.getAudioTracks().length).to.equal(0);
    await until(() => !!bob.participants.get('alice')?.screenStream, 'the screen at bob');
    await alice.shareScreen(false);
  });
});
