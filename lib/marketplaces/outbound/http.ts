import type { z } from 'zod';
import type { Db } from '@/lib/db/pool';
import { marketplaceApiCalls, type ApiErrorKind } from '@/lib/db/schema';
import type { MarketplaceName } from '@/lib/marketplaces/names';
import { QuotaWaitTooLong, waitForApiCallQuota } from '@/lib/quotas/api-call-quota';
import type { CircuitBreaker } from './circuit-breaker';
import type { Clock } from './clock';
import { MarketplaceApiError } from './errors';
import { RateLimitWaitTooLong, type RateLimit, type TokenBucketLimiter } from './rate-limiter';
import { backoffMs, retryAfterMs } from './retry-after';

export type HttpSettings = {
  /** One attempt, from sending to the last byte of the body. */
  timeoutMs: number;
  /** Attempts of one call, the first included. */
  maxAttempts: number;
  /** Backoff: full jitter between 0 and min(maxDelayMs, baseDelayMs · 2^(retry − 1)). */
  baseDelayMs: number;
  maxDelayMs: number;
  /** A Retry-After longer than this is not waited for: the call fails as rate_limited with it. */
  maxRetryAfterMs: number;
  random: () => number;
};

export const DEFAULT_HTTP_SETTINGS: HttpSettings = {
  timeoutMs: 20_000,
  maxAttempts: 4,
  baseDelayMs: 500,
  maxDelayMs: 15_000,
  maxRetryAfterMs: 30_000,
  random: Math.random,
};

/** A response body larger than this is refused (no order page or batch result comes near it). */
const MAX_BODY_BYTES = 32 * 1024 * 1024;
const ERROR_DETAIL_CHARS = 300;

export type OutboundRequest<T> = {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH';
  url: string;
  /** The path template for logs and rate limits: `/integration/order/sellers/{sellerId}/orders`. */
  endpoint: string;
  headers?: Record<string, string>;
  body?: string;
  /** How the body is read: JSON checked against `schema`, raw bytes, or not at all. */
  response: { json: z.ZodType<T> } | { bytes: true } | { none: true };
  /**
   * The call changes state at the marketplace, so a retry after an unknown outcome (a 500 or a
   * timeout once the request was sent) could repeat it: only answers that say it was not taken
   * (429, 503, a refused connection) are retried.
   */
  unsafe?: boolean;
  /** Which token bucket the call takes from, and its limit. */
  rateLimit: { key: string; limit: RateLimit };
};

export type HttpAccount = { id: number; tenantId: number; marketplace: MarketplaceName };

type AttemptFailure = { error: MarketplaceApiError; retry: boolean };

function classifyStatus(status: number): ApiErrorKind {
  if (status === 429) return 'rate_limited';
  if (status === 401 || status === 403) return 'auth';
  if (status === 408) return 'timeout';
  if (status >= 500) return 'server';
  return 'client';
}

/** The socket's error code (ECONNREFUSED…), else the innermost cause's message (fetch's own refusals, e.g. "bad port"). */
function networkCode(err: unknown): string | undefined {
  let innermost: string | undefined;
  for (let e: unknown = err; e instanceof Error; e = e.cause) {
    const code = (e as Error & { code?: unknown }).code;
    if (typeof code === 'string') return code;
    if (e !== err) innermost = e.message.slice(0, 80);
  }
  return innermost;
}

function isTimeout(err: unknown): boolean {
  return err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError');
}

async function readBody(response: Response): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > MAX_BODY_BYTES) throw new Error(`The response body is ${declared} bytes, over the ${MAX_BODY_BYTES} limit`);
  const body = new Uint8Array(await response.arrayBuffer());
  if (body.byteLength > MAX_BODY_BYTES) throw new Error(`The response body is over the ${MAX_BODY_BYTES} byte limit`);
  return body;
}

/**
 * The one way out to a marketplace: circuit breaker, token bucket, a timeout covering the whole
 * exchange, retries with full-jitter backoff that honour Retry-After, and a msc_marketplace_api_call
 * row per attempt. Redirects are refused (a credential header must not follow one to another host).
 */
export class OutboundHttp {
  constructor(
    private readonly db: Db,
    private readonly account: HttpAccount,
    private readonly breaker: CircuitBreaker,
    private readonly limiter: TokenBucketLimiter,
    private readonly clock: Clock,
    private readonly settings: HttpSettings,
    private readonly redact: (text: string) => string,
    /** Epoch ms (on `clock`) after which no wait is started: the call fails instead, to be retried next run. */
    private readonly deadline: number | null,
  ) {}

  private error(kind: ApiErrorKind, endpoint: string, message: string, extra: { status?: number; retryAfterMs?: number | null; cause?: unknown } = {}) {
    return new MarketplaceApiError({
      kind,
      marketplace: this.account.marketplace,
      endpoint,
      message: this.redact(`${this.account.marketplace} ${endpoint}: ${message}`),
      status: extra.status ?? null,
      retryAfterMs: extra.retryAfterMs ?? null,
      cause: extra.cause,
    });
  }

  private async logAttempt(request: OutboundRequest<unknown>, attempt: number, status: number | null, durationMs: number, errorKind: ApiErrorKind | null) {
    try {
      await this.db.insert(marketplaceApiCalls).values({
        tenantId: this.account.tenantId,
        accountId: this.account.id,
        marketplace: this.account.marketplace,
        endpoint: request.endpoint.slice(0, 191),
        method: request.method,
        status,
        durationMs: Math.max(0, Math.round(durationMs)),
        errorKind,
        attempt: Math.min(attempt, 255),
        createdAt: new Date(this.clock.now()),
      });
    } catch (err) {
      console.error(`outbound: could not log a ${this.account.marketplace} call of account ${this.account.id}`, err);
    }
  }

  private remainingMs(): number {
    return this.deadline === null ? Number.POSITIVE_INFINITY : this.deadline - this.clock.now();
  }

  private async attempt<T>(request: OutboundRequest<T>, attempt: number): Promise<{ value: T } | AttemptFailure> {
    const { endpoint, unsafe = false } = request;
    const started = performance.now();
    let response: Response;
    try {
      response = await fetch(request.url, {
        method: request.method,
        headers: request.headers,
        body: request.body,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.settings.timeoutMs),
      });
    } catch (err) {
      const kind: ApiErrorKind = isTimeout(err) ? 'timeout' : 'network';
      const code = networkCode(err);
      await this.logAttempt(request, attempt, null, performance.now() - started, kind);
      await this.breaker.onFailure(kind);
      const message = kind === 'timeout' ? `no answer within ${this.settings.timeoutMs} ms` : `connection failed${code ? ` (${code})` : ''}`;
      // A refused connection never reached the marketplace; anything else may have.
      const retry = !unsafe || code === 'ECONNREFUSED';
      return { error: this.error(kind, endpoint, message, { cause: code ? new Error(code) : undefined }), retry };
    }

    let body: Uint8Array;
    try {
      body = 'none' in request.response ? new Uint8Array() : await readBody(response);
    } catch (err) {
      const kind: ApiErrorKind = isTimeout(err) ? 'timeout' : 'network';
      await this.logAttempt(request, attempt, response.status, performance.now() - started, kind);
      await this.breaker.onFailure(kind);
      const message = kind === 'timeout' ? `the body did not arrive within ${this.settings.timeoutMs} ms` : 'the body could not be read';
      return { error: this.error(kind, endpoint, message, { status: response.status }), retry: !unsafe };
    }
    const duration = performance.now() - started;

    if (response.status >= 300 && response.status < 400) {
      await this.logAttempt(request, attempt, response.status, duration, 'client');
      await this.breaker.onSuccess();
      return { error: this.error('client', endpoint, `answered a redirect (${response.status}), which is not followed`, { status: response.status }), retry: false };
    }
    if (!response.ok) {
      const kind = classifyStatus(response.status);
      await this.logAttempt(request, attempt, response.status, duration, kind);
      await this.breaker.onFailure(kind);
      const wait = retryAfterMs(response.headers.get('retry-after'), this.clock.now());
      const detail = new TextDecoder().decode(body.slice(0, 4096)).replace(/\s+/g, ' ').trim().slice(0, ERROR_DETAIL_CHARS);
      const message = `HTTP ${response.status}${detail ? `: ${detail}` : ''}`;
      const retry = kind === 'rate_limited' || (kind === 'server' && (!unsafe || response.status === 503)) || (kind === 'timeout' && !unsafe);
      return { error: this.error(kind, endpoint, message, { status: response.status, retryAfterMs: wait }), retry };
    }

    await this.logAttempt(request, attempt, response.status, duration, null);
    await this.breaker.onSuccess();
    if ('none' in request.response) return { value: undefined as T };
    if ('bytes' in request.response) return { value: body as T };
    let json: unknown;
    try {
      json = body.byteLength === 0 ? undefined : JSON.parse(new TextDecoder().decode(body));
    } catch {
      return { error: this.error('invalid_response', endpoint, `answered ${response.status} with a body that is not JSON`, { status: response.status }), retry: false };
    }
    const parsed = request.response.json.safeParse(json);
    if (!parsed.success) {
      const issues = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).join('; ');
      return { error: this.error('invalid_response', endpoint, `answered ${response.status} with an unexpected body (${issues})`, { status: response.status }), retry: false };
    }
    return { value: parsed.data };
  }

  /** Sends the request, retrying what may be retried; resolves with the checked body or throws MarketplaceApiError. */
  async request<T>(request: OutboundRequest<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.breaker.before(request.endpoint);
      } catch (err) {
        if (err instanceof MarketplaceApiError) await this.logAttempt(request, attempt, null, 0, 'circuit_open');
        throw err;
      }
      try {
        await this.limiter.acquire(request.rateLimit.key, request.rateLimit.limit, this.remainingMs());
      } catch (err) {
        if (!(err instanceof RateLimitWaitTooLong)) throw err;
        throw this.error('rate_limited', request.endpoint, `the account's rate limit allows the next call in ${err.waitMs} ms, after this run's deadline`, {
          retryAfterMs: err.waitMs,
        });
      }
      try {
        // The shop's own quota of calls per minute to this marketplace, shared by every instance (msc_quota_usage).
        await waitForApiCallQuota(this.db, this.account, this.clock, this.remainingMs());
      } catch (err) {
        if (!(err instanceof QuotaWaitTooLong)) throw err;
        throw this.error('rate_limited', request.endpoint, `the shop's API-call quota allows the next call in ${err.waitMs} ms, after this run's deadline`, {
          retryAfterMs: err.waitMs,
        });
      }

      const outcome = await this.attempt(request, attempt);
      if ('value' in outcome) return outcome.value;
      const { error, retry } = outcome;
      if (!retry || attempt >= this.settings.maxAttempts) throw error;
      if (error.retryAfterMs !== null && error.retryAfterMs > this.settings.maxRetryAfterMs) throw error;
      const wait = error.retryAfterMs ?? backoffMs(attempt, this.settings.baseDelayMs, this.settings.maxDelayMs, this.settings.random);
      if (wait > this.remainingMs()) throw error;
      await this.clock.sleep(wait);
    }
  }
}
