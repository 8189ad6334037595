/**
 * Prints a join token signed with RTC_JWT_SECRET:
 *   npm run token -- --room demo --user alice [--name "Alice"] [--role host|participant|viewer] [--ttl 3600]
 * `--room '*'` makes a token that may only create rooms (POST /api/rooms).
 *   npm run token -- --admin [--user ops] [--ttl 3600]
 * makes an admin token for the room-management API (docs/server.md#admin-api); it joins no room.
 *   npm run token -- --line --user bob [--name "Bob"] [--callable ann,cat] [--group sales] [--ttl 3600]
 * makes a user token, which opens a line for calls (docs/calls.md); it joins no room either.
 */
import { parseArgs } from 'node:util';
import { ROLES, type Role } from '../protocol/ids.js';
import { TokenError, claimsFor } from '../server/auth/claims.js';
import { signAdminToken, signToken, signUserToken } from '../server/auth/tokens.js';
import { userClaimsFor } from '../server/auth/user-claims.js';
import { DEFAULTS } from '../server/config.js';

const USAGE = [
  'usage: npm run token -- --room <room|*> --user <id> [--name <name>] [--role host|participant|viewer] [--ttl <seconds>]',
  '       npm run token -- --admin [--user <id>] [--ttl <seconds>]',
  '       npm run token -- --line --user <id> [--name <name>] [--callable <id,id…>] [--group <id>] [--ttl <seconds>]',
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
      line: { type: 'boolean' },
      callable: { type: 'string' },
      group: { type: 'string' },
    },
  }));
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}

const secret = process.env.RTC_JWT_SECRET;
if (!secret) fail('RTC_JWT_SECRET is not set: export the same secret the server uses.');
const { room, user, name, role = 'participant', admin = false, line = false, callable, group } = values;
const ttl = values.ttl ?? String(admin ? ADMIN_TTL_SECONDS : DEFAULTS.tokenTtlSeconds);
const ttlSeconds = Number(ttl);
if (!Number.isInteger(ttlSeconds) || ttlSeconds <= 0) fail('--ttl must be a positive number of seconds.');
if (line) {
  if (admin || room !== undefined || values.role !== undefined) fail('--line takes --user, --name, --callable, --group and --ttl: a user token joins no room.');
  if (!user) fail('--user is required.');
} else if (callable !== undefined || group !== undefined) {
  fail('--callable and --group go with --line (a user token).');
} else if (admin) {
  if (room !== undefined || values.role !== undefined || name !== undefined) fail('--admin takes only --user and --ttl: an admin token joins no room.');
} else {
  if (!room || !user) fail('--room and --user are required.');
  if (!isRole(role)) fail(`--role must be one of ${ROLES.join(', ')}.`);
}

try {
  console.log(line
    ? await signUserToken(userClaimsFor({ user: user!, name, callable: callable?.split(',').map((id) => id.trim()).filter(Boolean), group, ttlSeconds }), secret)
    : admin
    ? await signAdminToken({ sub: user ?? 'admin', ttlSeconds }, secret)
    : await signToken(claimsFor({ room: room!, user: user!, name, role: role as Role, ttlSeconds }), secret));
} catch (error) {
  if (error instanceof TokenError) fail(error.message);
  throw error;
}
