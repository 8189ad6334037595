/**
 * What the room says about an error: the cause (the `error.<code>` string, docs/errors.md) and
 * what the person can do next. Setup problems (`misconfigured`) get a neutral sentence on screen;
 * the precise fix goes to the page's developer on the console.
 */
import type { ErrorCode, RtcError } from '../../core/errors.js';
import type { StringKey } from '../i18n/strings.js';

type Translate = (key: StringKey, params?: Record<string, string | number>) => string;

const NEXT_STEP: Partial<Record<ErrorCode, StringKey>> = {
  misconfigured: 'next.misconfigured',
  'permission-denied': 'next.permission-denied',
  'device-not-found': 'next.device-not-found',
  'device-in-use': 'next.device-in-use',
  'constraints-not-satisfied': 'next.device-not-found',
  unsupported: 'next.unsupported',
  'token-invalid': 'next.token-invalid',
  'token-expired': 'next.token-expired',
  'room-mismatch': 'next.token-invalid',
  'room-full': 'next.room-full',
  'room-not-found': 'next.room-not-found',
  'rate-limited': 'next.rate-limited',
  network: 'next.network',
  timeout: 'next.retry',
  'server-error': 'next.retry',
};

export interface ErrorWords {
  cause: string;
  next: string | null;
}

export function errorWords(error: RtcError, t: Translate): ErrorWords {
  const next = NEXT_STEP[error.code];
  return { cause: cause(error, t), next: next ? t(next) : null };
}

function cause(error: RtcError, t: Translate): string {
  if (error.code === 'room-full') {
    // The server says how many the room holds: "The room is full (6 people)."
    const count = /\((\d+)\b/.exec(error.message)?.[1];
    if (count) return t('error.room-full.count', { count: Number(count) });
  }
  return t(`error.${error.code}`);
}

/** The developer's half of a setup problem, once per error. */
export function tellDeveloper(error: RtcError): void {
  if (error.code === 'misconfigured') console.error(`<rtc-room>: ${error.message}`);
}
