export * from './ids.js';
export * from './error-codes.js';
export * from './model.js';
export type * from './server-messages.js';
export type { ClientMessage, ClientMessageOf } from './client-messages.js';
export type { TokenClaims } from './token.js';
export * from './permissions.js';
export * from './line.js';
