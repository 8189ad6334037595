/** What bench/server.ts and a server under measurement (child.ts) say to each other. */
export type ChildRequest = { type: 'memory' } | { type: 'stop' };
export type ChildReply = { type: 'ready'; url: string } | { type: 'memory'; memory: NodeJS.MemoryUsage };
