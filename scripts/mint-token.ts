/**
 * Prints a join token signed with RTC_JWT_SECRET:
 *   npm run token -- --room demo --user alice [--name "Alice"] [--role host|participant|viewer] [--ttl 3600]
 * `--room '*'` makes a token that may only create rooms (POST /api/rooms).
 *   npm run token -- --admin [--user ops] [--ttl 3600]
 * makes an admin token for the room-management API (docs/server.md#admin-api); it joins no room.
 */
import { parseArgs } from 'node:util';
import { ROLES, type Role } from '../protocol/ids.js';
import { TokenError, claimsFor } from '../server/auth/claims.js';
import { signAdminToken, signToken } from '../server/auth/tokens.js';
import { DEFAULTS } from '../server/config.js';

const USAGE = [
  'usage: npm run token -- --room <room|*> --user <id> [--name <name>] [--role host|participant|viewer] [--ttl <seconds>]',
  '       npm run token -- --admin [--user <id>] [--ttl <seconds>]',
].join('\n');

/** Admin tokens can end any room: an hour unless asked otherwise. */
const ADMIN_TTL_SECONDS = 3600;

function fail(message: string): never {
  console.error(`mint-token: ${message}\n${USAGE}`);
  process.exit(1);
}

function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      room: { type: 'string' },
      user: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      ttl: { type: 'string' },
      admin: { type: 'boolean' },
    },
  }));
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}

const secret = process.env.RTC_JWT_SECRET;
if (!secret) fail('RTC_JWT_SECRET is not set: export the same secret the server uses.');
const { room, user, name, role = 'participant', admin = false } = values;
const ttl = values.ttl ?? String(admin ? ADMIN_TTL_SECONDS : DEFAULTS.tokenTtlSeconds);
const ttlSeconds = Number(ttl);
if (!Number.isInteger(ttlSeconds) || ttlSeconds <= 0) fail('--ttl must be a positive number of seconds.');
if (admin) {
  if (room !== undefined || values.role !== undefined || name !== undefined) fail('--admin takes only --user and --ttl: an admin token joins no room.');
} else {
  if (!room || !user) fail('--room and --user are required.');
  if (!isRole(role)) fail(`--role must be one of ${ROLES.join(', ')}.`);
}

try {
  console.log(admin
    ? await signAdminToken({ sub: user ?? 'admin', ttlSeconds }, secret)
    : await signToken(claimsFor({ room: room!, user: user!, name, role: role as Role, ttlSeconds }), secret));
} catch (error) {
  if (error instanceof TokenError) fail(error.message);
  throw error;
}
