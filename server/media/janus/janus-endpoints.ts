/**
 * Where the external Janus servers are: `JANUS_URL` lists one or several (comma-separated) and
 * `JANUS_API_SECRET` gives one secret for all of them or one per server, in the same order. Free of Node
 * APIs, as server/config.ts is. docs/media-server.md#several-media-servers.
 */

export interface JanusEndpoint {
  /** Its WebSocket API, `ws://host:8188`. */
  url: string;
  /** Its `api_secret`, if it has one. */
  apiSecret?: string;
}

/** The list's shape is wrong; the message names the variable and says what to write. */
export class JanusEndpointsError extends Error {
  override readonly name = 'JanusEndpointsError';
}

/** The servers `url` and `apiSecret` name (none when `url` is unset); throws JanusEndpointsError. */
export function janusEndpoints(url: string | undefined, apiSecret: string | undefined): JanusEndpoint[] {
  const urls = (url ?? '').split(',').map((entry) => entry.trim()).filter(Boolean);
  for (const entry of urls) {
    if (!/^wss?:\/\/[^\s,]+$/.test(entry)) throw new JanusEndpointsError(`JANUS_URL="${entry}" should be Janus's WebSocket API, e.g. ws://10.0.0.5:8188.`);
  }
  const twice = urls.find((entry, index) => urls.indexOf(entry) !== index);
  if (twice) throw new JanusEndpointsError(`JANUS_URL lists ${twice} twice: each media server once.`);
  // One server: the secret is taken whole, as it always was (commas and all).
  const secrets = apiSecret === undefined ? [] : urls.length === 1 ? [apiSecret] : apiSecret.split(',').map((entry) => entry.trim());
  if (secrets.length > 1 && secrets.length !== urls.length) {
    throw new JanusEndpointsError(
      `JANUS_API_SECRET has ${secrets.length} entries for ${urls.length} servers in JANUS_URL: give one secret for all, or one per server in the same order.`,
    );
  }
  return urls.map((entry, index) => {
    const secret = secrets.length > 1 ? secrets[index] : secrets[0];
    return { url: entry, ...(secret && { apiSecret: secret }) };
  });
}
