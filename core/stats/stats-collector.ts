/**
 * Samples a transport's stats and keeps the previous sample of each link, so rates can be computed.
 * The reading of the browser's reports loads on the first sample (a chunk in the all-in-one bundle:
 * a call that never asks for stats never downloads it).
 */
import type { ParticipantStats } from '../types.js';
import type { Transport } from '../transports/transport.js';
import type { LinkSample, StatsEntry } from './normalise-stats.js';

export class StatsCollector {
  #previous = new Map<string, LinkSample>();

  /** Stats for every remote participant and for `localUserId` (what we send). */
  async collect(transport: Transport | null, localUserId: string, localAudioLevel: number): Promise<Map<string, ParticipantStats>> {
    const { localStats, remoteStats, sampleLink } = await import('./normalise-stats.js');
    const reports = transport ? await transport.getStats() : new Map();
    const result = new Map<string, ParticipantStats>();
    const links: { current: LinkSample; previous: LinkSample | undefined }[] = [];
    const next = new Map<string, LinkSample>();
    for (const [userId, { report, sources }] of reports) {
      const current = sampleLink(report.values() as Iterable<StatsEntry>, sources);
      const previous = this.#previous.get(userId);
      next.set(userId, current);
      links.push({ current, previous });
      result.set(userId, remoteStats(userId, current, previous));
    }
    this.#previous = next;
    result.set(localUserId, localStats(localUserId, links, localAudioLevel, Date.now()));
    return result;
  }

  reset(): void {
    this.#previous.clear();
  }
}
