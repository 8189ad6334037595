/**
 * Several external Janus servers (`JANUS_URL` lists them): one connection to each, with its own health
 * (up, or down and tried again every 5 s by JanusMediaServer), and each new SFU room placed on the least
 * loaded one that is up, where it stays. A server that goes down takes its rooms to the mesh, as a single
 * one does. docs/media-server.md#several-media-servers.
 */
import type { MediaRoom, MediaServer } from '../../hub/media-server.js';
import { janusEndpoints } from './janus-endpoints.js';
import { JanusMediaServer } from './janus-media-server.js';

/** What this server placed on a media server. */
export interface MediaLoad {
  rooms: number;
  /** People in those rooms: each holds a subscription there, most a publisher too. */
  people: number;
}

/** One media server of the pool, as the choice sees it. */
export interface PoolMember extends MediaServer {
  readonly up: boolean;
  readonly load: MediaLoad;
  close(): Promise<void>;
}

/**
 * The member a new room goes to: among those up, the fewest people, then the fewest rooms, then the first
 * listed. Undefined when none is up.
 */
export function leastLoaded<Member extends PoolMember>(members: readonly Member[]): Member | undefined {
  let best: { member: Member; load: MediaLoad } | undefined;
  for (const member of members) {
    if (!member.up) continue;
    const load = member.load;
    if (!best || load.people < best.load.people || (load.people === best.load.people && load.rooms < best.load.rooms)) best = { member, load };
  }
  return best?.member;
}

export class JanusPool implements MediaServer {
  constructor(readonly members: readonly PoolMember[]) {}

  /**
   * The media server for `config`: our own Janus or the one external Janus as before, or a pool when
   * `JANUS_URL` lists several. Null when our own Janus cannot run here.
   */
  static async start(
    config: Parameters<typeof JanusMediaServer.start>[0],
    options: Parameters<typeof JanusMediaServer.start>[1],
  ): Promise<JanusMediaServer | JanusPool | null> {
    const endpoints = janusEndpoints(config.url, config.apiSecret);
    const external = (endpoint: (typeof endpoints)[number]) => JanusMediaServer.start({ ...config, url: endpoint.url, apiSecret: endpoint.apiSecret }, options);
    if (endpoints.length === 0) return JanusMediaServer.start(config, options);
    if (endpoints.length === 1) return external(endpoints[0]);
    // An external one never fails to start: one that does not answer yet is tried again until it does.
    const members = await Promise.all(endpoints.map(external));
    options.log.info(`${endpoints.length} media servers (${endpoints.map((endpoint) => endpoint.url).join(', ')}): each new SFU room goes to the least loaded.`);
    return new JanusPool(members.filter((member) => member !== null));
  }

  openRoom(...args: Parameters<MediaServer['openRoom']>): MediaRoom | null {
    const tried = new Set<PoolMember>();
    for (;;) {
      const member = leastLoaded(this.members.filter((candidate) => !tried.has(candidate)));
      if (!member) return null;
      // Up a moment ago, it may refuse if it just went: the next one then.
      const room = member.openRoom(...args);
      if (room) return room;
      tried.add(member);
    }
  }

  /** At least one media server answers. */
  get up(): boolean {
    return this.members.some((member) => member.up);
  }

  /** Rooms and people over every media server. */
  get load(): MediaLoad {
    return this.members.reduce((sum, member) => ({ rooms: sum.rooms + member.load.rooms, people: sum.people + member.load.people }), { rooms: 0, people: 0 });
  }

  async close(): Promise<void> {
    await Promise.all(this.members.map((member) => member.close()));
  }
}
