import { describe, expect, it } from 'vitest';
import { ManualClock } from './clock';
import { RateLimitWaitTooLong, TokenBucketLimiter, windowLimit } from './rate-limiter';
import { backoffMs, retryAfterMs } from './retry-after';
import { decimalJson, money2, twoDecimals } from './decimal-json';
import { redactor } from './redact';

describe('token bucket', () => {
  it('serves callers in order and never more than the window allows', async () => {
    const clock = new ManualClock(0);
    const limiter = new TokenBucketLimiter(clock);
    const limit = windowLimit(50, 10_000, 10);
    const at: number[] = [];
    await Promise.all(Array.from({ length: 200 }, (_, i) => limiter.acquire('k', limit).then(() => at.push(clock.now() * 1000 + i))));
    const times = at.map((v) => Math.floor(v / 1000));
    expect(at.map((v) => v % 1000)).toEqual(Array.from({ length: 200 }, (_, i) => i));
    for (let i = 50; i < times.length; i++) expect(times[i]! - times[i - 50]!).toBeGreaterThanOrEqual(10_000);
  });

  it('keeps buckets apart and refuses a wait past the caller’s limit', async () => {
    const clock = new ManualClock(0);
    const limiter = new TokenBucketLimiter(clock);
    const limit = { requests: 1, perMs: 10_000 };
    await limiter.acquire('a', limit);
    await limiter.acquire('b', limit);
    expect(clock.now()).toBe(0);
    await expect(limiter.acquire('a', limit, 5_000)).rejects.toBeInstanceOf(RateLimitWaitTooLong);
    expect(await limiter.acquire('a', limit)).toBe(10_000);
  });
});

describe('helpers', () => {
  it('reads Retry-After as seconds or an HTTP date, and backs off with full jitter', () => {
    expect(retryAfterMs('7', 0)).toBe(7_000);
    expect(retryAfterMs(new Date(65_000).toUTCString(), 5_000)).toBe(60_000);
    expect(retryAfterMs('soon', 0)).toBeNull();
    expect(backoffMs(1, 100, 1_000, () => 0.999)).toBe(99);
    expect(backoffMs(10, 100, 1_000, () => 0.5)).toBe(500);
  });

  it('writes money with exactly two decimals as JSON numbers, without floats', () => {
    expect(twoDecimals('1299.9')).toBe('1299.90');
    expect(twoDecimals('5.125')).toBe('5.13');
    expect(decimalJson({ a: money2('0.1'), b: [money2('100')], s: 'x' })).toBe('{"a":0.10,"b":[100.00],"s":"x"}');
  });

  it('redacts credentials and their encodings', () => {
    const redact = redactor(['s3cr3t/value', 'dXNlcjpzM2NyM3Q=']);
    expect(redact('a s3cr3t/value b s3cr3t%2Fvalue c dXNlcjpzM2NyM3Q=')).toBe('a [redacted] b [redacted] c [redacted]');
  });
});
