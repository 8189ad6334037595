/**
 * Samples a transport's stats and keeps the previous sample of each link, so rates can be computed.
 * The reading of the browser's reports loads on the first sample (a chunk in the all-in-one bundle:
 * a call that never asks for stats never downloads it).
 */
import type { OutboundStats, ParticipantStats } from '../types.js';
import type { Transport } from '../transports/transport.js';
import type { LinkSample, StatsEntry } from './normalise-stats.js';
import type { OutboundCounter } from './outbound-stats.js';

/** The key of a media server's sending connection among the samples kept (no user id has a newline). */
const MEDIA_SERVER_LINK = '\nmedia-server';

export class StatsCollector {
  #previous = new Map<string, LinkSample>();
  #previousOutbound = new Map<string, OutboundCounter>();

  /** Stats for every remote participant and for `localUserId` (what we send). */
  async collect(transport: Transport | null, localUserId: string, localAudioLevel: number): Promise<Map<string, ParticipantStats>> {
    const [{ localStats, remoteStats, sampleLink }, { bestCamera, outboundStreams }] = await Promise.all([
      import('./normalise-stats.js'),
      import('./outbound-stats.js'),
    ]);
    const reports = transport ? await transport.getStats() : new Map();
    const result = new Map<string, ParticipantStats>();
    const links: { current: LinkSample; previous: LinkSample | undefined }[] = [];
    const next = new Map<string, LinkSample>();
    const outbound: OutboundStats[] = [];
    const nextOutbound = new Map<string, OutboundCounter>();
    for (const [userId, { report, sources }] of reports) {
      const entries = [...report.values()] as StatsEntry[];
      outbound.push(...outboundStreams(userId, entries, sources, this.#previousOutbound, nextOutbound));
      const current = sampleLink(entries, sources);
      const previous = this.#previous.get(userId);
      next.set(userId, current);
      links.push({ current, previous });
      result.set(userId, remoteStats(userId, current, previous));
    }
    // A media server's sending connection: our streams to everyone at once (to: null), per layer; our link too.
    const sent = await transport?.getSendStats?.();
    if (sent) {
      const entries = [...sent.report.values()] as StatsEntry[];
      outbound.push(...outboundStreams(null, entries, sent.sources, this.#previousOutbound, nextOutbound));
      const current = sampleLink(entries, sent.sources);
      links.push({ current, previous: this.#previous.get(MEDIA_SERVER_LINK) });
      next.set(MEDIA_SERVER_LINK, current);
    }
    this.#previous = next;
    this.#previousOutbound = nextOutbound;
    // What we send is per stream: the picture is the best one we send anyone, not the first link's.
    const local = localStats(localUserId, links, localAudioLevel, Date.now());
    result.set(localUserId, { ...local, ...bestCamera(outbound), outbound });
    return result;
  }

  reset(): void {
    this.#previous.clear();
    this.#previousOutbound.clear();
  }
}
