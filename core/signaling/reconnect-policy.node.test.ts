import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_RETRY_DELAYS_MS, DefaultReconnectPolicy } from './reconnect-policy.js';

describe('DefaultReconnectPolicy', () => {
  it('retries at once, then backs off along the table', () => {
    const policy = new DefaultReconnectPolicy({ random: () => 0 });
    const delays = DEFAULT_RETRY_DELAYS_MS.map((_, retryCount) => policy.nextRetryDelayMs({ retryCount, elapsedMs: 0 }));
    assert.deepEqual(delays, [...DEFAULT_RETRY_DELAYS_MS]);
    assert.equal(policy.nextRetryDelayMs({ retryCount: 40, elapsedMs: 0 }), DEFAULT_RETRY_DELAYS_MS.at(-1));
  });

  it('adds jitter from the third attempt on, within the bound', () => {
    const policy = new DefaultReconnectPolicy({ random: () => 0.999, maxJitterMs: 500 });
    assert.equal(policy.nextRetryDelayMs({ retryCount: 0, elapsedMs: 0 }), 0);
    assert.equal(policy.nextRetryDelayMs({ retryCount: 1, elapsedMs: 0 }), 300);
    const third = policy.nextRetryDelayMs({ retryCount: 2, elapsedMs: 0 })!;
    assert.ok(third > 1_200 && third <= 1_700, `third delay ${third}`);
  });

  it('gives up once the next attempt would come after the limit', () => {
    const policy = new DefaultReconnectPolicy({ maxElapsedMs: 10_000, random: () => 0 });
    assert.equal(policy.nextRetryDelayMs({ retryCount: 5, elapsedMs: 2_000 }), 7_000);
    assert.equal(policy.nextRetryDelayMs({ retryCount: 5, elapsedMs: 3_500 }), null);
  });

  it('takes a custom table', () => {
    const policy = new DefaultReconnectPolicy({ delays: [50, 100], maxJitterMs: 0 });
    assert.deepEqual([0, 1, 2, 3].map((retryCount) => policy.nextRetryDelayMs({ retryCount, elapsedMs: 0 })), [50, 100, 100, 100]);
  });

  it('comes back within 2 s plus jitter while nothing answers, as when the server restarts', () => {
    const policy = new DefaultReconnectPolicy({ random: () => 0.999 });
    const refused = [3, 4, 5, 9].map((retryCount) => policy.nextRetryDelayMs({ retryCount, elapsedMs: 0, refused: true })!);
    assert.ok(refused.every((delay) => delay > 2_000 && delay <= 3_000), `delays ${refused}`);
    assert.equal(policy.nextRetryDelayMs({ retryCount: 1, elapsedMs: 0, refused: true }), 300, 'shorter steps stay');
    assert.ok(policy.nextRetryDelayMs({ retryCount: 5, elapsedMs: 0, refused: false })! >= 7_000, 'a server that answers gets the full backoff');
    assert.equal(policy.nextRetryDelayMs({ retryCount: 9, elapsedMs: 59_000, refused: true }), null, 'the give-up limit holds');
  });
});
