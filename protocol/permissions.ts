/**
 * What each role may do: the one table the server enforces, the engine exposes (`client.can()`) and
 * the elements read to show only what the user may do. docs/protocol.md#permissions has the table.
 */
import type { Role } from './ids.js';

export const PERMISSIONS = [
  'publish-audio',
  'publish-video',
  'publish-screen',
  'chat',
  'react',
  'raise-hand',
  /** Mute others, ask them to unmute, mute everyone (with hold), stop someone's screen share. */
  'mute-others',
  /** Make someone host, participant or viewer. */
  'change-roles',
  'kick',
  /** Lock the room, switch the lobby, set the room title. */
  'lock',
  'end',
  /** Let people waiting in the lobby in, or turn them away. */
  'admit',
  'record',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

const SPEAKER: readonly Permission[] = ['publish-audio', 'publish-video', 'publish-screen', 'chat', 'react', 'raise-hand'];
const AUDIENCE: readonly Permission[] = ['chat', 'react', 'raise-hand'];

/**
 * Permissions by role. Keyed by role name so an app-defined role is one more row here (and in
 * ROLES); nothing else in the code names a role to decide what someone may do.
 */
export const ROLE_PERMISSIONS: Readonly<Record<Role, ReadonlySet<Permission>>> = {
  host: new Set(PERMISSIONS),
  participant: new Set(SPEAKER),
  viewer: new Set(AUDIENCE),
};

/** True when `role` may do `permission`. An unknown role may do nothing. */
export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role]?.has(permission) ?? false;
}

/** A role that may send no media at all: its links are receive-only. */
export function receivesOnly(role: Role): boolean {
  return !can(role, 'publish-audio') && !can(role, 'publish-video') && !can(role, 'publish-screen');
}

/**
 * A role that moderates: muting, kicking and demoting never apply to it, and the room passes it on
 * when the last one leaves (hosts are peers; whoever mints host tokens decides who moderates).
 */
export function moderates(role: Role): boolean {
  return can(role, 'change-roles');
}
