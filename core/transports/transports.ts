/** What core/transports/load-transports.ts loads: the transports the engine makes once admitted. */
export { MeshTransport } from './mesh-transport.js';
export { SfuTransport } from './sfu-transport.js';
export { sfuSignaling } from './sfu-signaling.js';
