/** Room and user ids: the same rule on the server, in tokens and in the engine. */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export function isValidId(value: unknown): value is string {
  return typeof value === 'string' && ID_PATTERN.test(value);
}

/** Roles a token can grant. A host moderates; a viewer receives but never publishes. */
export const ROLES = ['host', 'participant', 'viewer'] as const;
export type Role = (typeof ROLES)[number];
