/** The connectivity check against the real server on loopback, as the lobby runs it. */
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { checkConnectivity } from './connectivity-check.js';

type Server = { id: string; url: string };
const startServer = (config: object = {}) => executeServerCommand<Server, object>('rtc-server-start', config);
const stopServer = (server: Server) => executeServerCommand('rtc-server-stop', { id: server.id });

describe('checkConnectivity', function () {
  this.timeout(60_000);

  it('finds a server with no STUN or TURN ready for calls: the socket opens, the pair connects directly and carries data', async () => {
    const server = await startServer();
    try {
      const report = await checkConnectivity({ server: server.url });
      expect(report).to.include({ verdict: 'good', signaling: true, iceServers: 0, stun: null, turn: null, path: 'direct' });
      expect(report.bitrateKbps).to.be.above(500);
    } finally {
      await stopServer(server);
    }
  });

  it('says the relay is out of reach when the TURN server the server hands out does not answer', async () => {
    // Port 9 (discard) has nothing listening on loopback: the relay gathers no candidate.
    const server = await startServer({ turn: { urls: ['turn:127.0.0.1:9?transport=udp'], secret: 'coturn-secret', ttlSeconds: 600 } });
    try {
      const report = await checkConnectivity({ server: server.url, timeoutMs: 4_000 });
      expect(report).to.include({ verdict: 'no-relay', signaling: true, iceServers: 1, turn: false, path: 'direct' });
    } finally {
      await stopServer(server);
    }
  });

  it('says the server cannot be reached when nothing listens there', async () => {
    const server = await startServer();
    await stopServer(server);
    const report = await checkConnectivity({ server: server.url });
    expect(report).to.deep.equal({ verdict: 'no-signaling', signaling: false, iceServers: 0, stun: null, turn: null, path: null, bitrateKbps: null, rttMs: null });
  });
});
