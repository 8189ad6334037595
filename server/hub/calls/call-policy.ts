import type { UserTokenClaims } from '../../../protocol/line.js';

/**
 * Who may call whom (docs/calls.md#policy): anyone with a user token by default; a token with
 * `callable` and/or `group` may call only those users and/or the members of that group. Decided
 * without looking at presence, so a refusal never tells whether the callee is online.
 * `calleeGroup`: the group of the callee's last user token seen by this server (undefined if none).
 */
export function mayCall(caller: Pick<UserTokenClaims, 'callable' | 'group'> | undefined, calleeId: string, calleeGroup: string | undefined): boolean {
  if (!caller || (caller.callable === undefined && caller.group === undefined)) return true;
  if (caller.callable?.includes(calleeId)) return true;
  return caller.group !== undefined && calleeGroup === caller.group;
}
