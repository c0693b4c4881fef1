import type { Clock } from './clock';

/** `requests` per `perMs`, with bursts of up to `burst` (default `requests`): the bucket's size. */
export type RateLimit = { requests: number; perMs: number; burst?: number };

/**
 * A limit stated as "at most `count` requests in any `windowMs`" as a token bucket that keeps to it:
 * a bucket of size b refilling at r lets through b + r·w in any window w, so r = (count − burst) / w.
 */
export function windowLimit(count: number, windowMs: number, burst: number): RateLimit {
  return { requests: count - burst, perMs: windowMs, burst };
}

type Bucket = { tokens: number; updatedAt: number; tail: Promise<unknown> };

/** Thrown (without waiting) when the next token comes later than the caller can wait. */
export class RateLimitWaitTooLong extends Error {
  constructor(readonly waitMs: number) {
    super(`The next request slot is ${waitMs} ms away`);
    this.name = 'RateLimitWaitTooLong';
  }
}

/**
 * Token buckets keyed by account and endpoint: a request takes a token, tokens come back at the
 * limit's rate. Callers of one bucket are served in arrival order, each waiting on the clock for its
 * token. Buckets live in this process; the marketplace's 429s (honoured by the retries) and the
 * circuit breaker cover what several instances together send.
 */
export class TokenBucketLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(private readonly clock: Clock) {}

  private refill(bucket: Bucket, limit: RateLimit) {
    const now = this.clock.now();
    const elapsed = Math.max(0, now - bucket.updatedAt);
    bucket.tokens = Math.min(limit.burst ?? limit.requests, bucket.tokens + (elapsed * limit.requests) / limit.perMs);
    bucket.updatedAt = now;
  }

  /** Takes a token, waiting for one if needed; answers how long it waited. */
  acquire(key: string, limit: RateLimit, maxWaitMs: number = Number.POSITIVE_INFINITY): Promise<number> {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = { tokens: limit.burst ?? limit.requests, updatedAt: this.clock.now(), tail: Promise.resolve() };
      this.buckets.set(key, bucket);
    }
    const own = bucket;
    const turn = own.tail.then(async () => {
      this.refill(own, limit);
      if (own.tokens >= 1) {
        own.tokens -= 1;
        return 0;
      }
      const waitMs = Math.ceil(((1 - own.tokens) * limit.perMs) / limit.requests);
      if (waitMs > maxWaitMs) throw new RateLimitWaitTooLong(waitMs);
      await this.clock.sleep(waitMs);
      this.refill(own, limit);
      own.tokens = Math.max(0, own.tokens - 1);
      return waitMs;
    });
    own.tail = turn.catch(() => undefined);
    return turn;
  }
}
