/**
 * Prints a join token signed with RTC_JWT_SECRET:
 *   npm run token -- --room demo --user alice [--name "Alice"] [--role host|participant|viewer] [--ttl 3600]
 * `--room '*'` makes a token that may only create rooms (POST /api/rooms).
 */
import { parseArgs } from 'node:util';
import { ROLES, type Role } from '../protocol/ids.js';
import { TokenError, claimsFor } from '../server/auth/claims.js';
import { signToken } from '../server/auth/tokens.js';
import { DEFAULTS } from '../server/config.js';

const USAGE = 'usage: npm run token -- --room <room|*> --user <id> [--name <name>] [--role host|participant|viewer] [--ttl <seconds>]';

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
    },
  }));
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}

const secret = process.env.RTC_JWT_SECRET;
if (!secret) fail('RTC_JWT_SECRET is not set: export the same secret the server uses.');
const { room, user, name, role = 'participant', ttl = String(DEFAULTS.tokenTtlSeconds) } = values;
if (!room || !user) fail('--room and --user are required.');
if (!isRole(role)) fail(`--role must be one of ${ROLES.join(', ')}.`);
const ttlSeconds = Number(ttl);
if (!Number.isInteger(ttlSeconds) || ttlSeconds <= 0) fail('--ttl must be a positive number of seconds.');

try {
  console.log(await signToken(claimsFor({ room, user, name, role, ttlSeconds }), secret));
} catch (error) {
  if (error instanceof TokenError) fail(error.message);
  throw error;
}
