/**
 * The configuration folder our own Janus runs with (janus.md): the WebSocket API on loopback only, an API
 * secret, the videoroom plugin and nothing else, our RTP port range and NAT settings.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Where Debian's janus package keeps its plugins, transports, event handlers and loggers. */
const LIB_DIR = '/usr/lib/x86_64-linux-gnu/janus';

export interface JanusSettings {
  /** Port of the WebSocket API on 127.0.0.1. */
  wsPort: number;
  apiSecret: string;
  /** `min-max`, UDP ports for media. */
  rtpPorts: string;
  /** The public address of this machine when behind a 1:1 NAT (a cloud VM's elastic IP). */
  nat1to1?: string;
  /** `stun:host:port` Janus uses to learn its public address. */
  stunServer?: string;
  /** Interfaces or address prefixes ICE may use (Janus's `ice_enforce_list`). */
  iceInterfaces?: string;
  /** Janus ends a session it hears nothing from for this long (default 60 s; tests shorten it). */
  sessionTimeoutSeconds?: number;
  /** Where Janus finds its plugins (default: Debian's folder). */
  libDir?: string;
}

/** Writes `janus.jcfg` and the transport and plugin files into `dir`; returns the main file's path. */
export function writeJanusConfig(dir: string, settings: JanusSettings): string {
  mkdirSync(dir, { recursive: true });
  const lib = settings.libDir ?? LIB_DIR;
  const stun = settings.stunServer ? /^(?:stun:)?([^:]+)(?::(\d+))?$/.exec(settings.stunServer) : null;
  const nat = [
    stun && `stun_server = "${stun[1]}"`,
    stun && `stun_port = ${stun[2] ?? 3478}`,
    settings.nat1to1 && `nat_1_1_mapping = "${settings.nat1to1}"`,
    settings.iceInterfaces && `ice_enforce_list = "${settings.iceInterfaces}"`,
    'ice_lite = false',
    'full_trickle = false',
    'ignore_mdns = true',
  ].filter(Boolean);
  const plugins = ['audiobridge', 'echotest', 'streaming', 'textroom', 'recordplay', 'sip', 'nosip', 'videocall', 'voicemail', 'lua', 'duktape'];
  const transports = ['http', 'pfunix', 'mqtt', 'nanomsg', 'rabbitmq'];
  const main = `general: {
  configs_folder = "${dir}"
  plugins_folder = "${lib}/plugins"
  transports_folder = "${lib}/transports"
  events_folder = "${lib}/events"
  loggers_folder = "${lib}/loggers"
  debug_level = 3
  admin_secret = "${settings.apiSecret}-admin"
  api_secret = "${settings.apiSecret}"
  session_timeout = ${settings.sessionTimeoutSeconds ?? 60}
  reclaim_session_timeout = 0
}
media: {
  rtp_port_range = "${settings.rtpPorts}"
}
nat: {
  ${nat.join('\n  ')}
}
plugins: {
  disable = "${plugins.map((name) => `libjanus_${name}.so`).join(',')}"
}
transports: {
  disable = "${transports.map((name) => `libjanus_${name}.so`).join(',')}"
}
events: {
  broadcast = false
}
loggers: {
  disable = "libjanus_jsonlog.so"
}
`;
  const websockets = `general: {
  json = "compact"
  ws = true
  ws_port = ${settings.wsPort}
  ws_ip = "127.0.0.1"
  wss = false
}
admin: {
  admin_ws = false
  admin_wss = false
}
`;
  const file = path.join(dir, 'janus.jcfg');
  writeFileSync(file, main);
  writeFileSync(path.join(dir, 'janus.transport.websockets.jcfg'), websockets);
  // Rooms are created through the API; none from a file.
  writeFileSync(path.join(dir, 'janus.plugin.videoroom.jcfg'), 'general: {\n}\n');
  return file;
}
