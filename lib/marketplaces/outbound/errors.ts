import type { ApiErrorKind } from '@/lib/db/schema';
import type { MarketplaceName } from '@/lib/marketplaces/names';

export { API_ERROR_KINDS, type ApiErrorKind } from '@/lib/db/schema';

/**
 * What an outbound call throws. `kind` says what went wrong; `retryable` whether the same call may
 * work later (a 429, a 5xx, a timeout, an open circuit), `retryAfterMs` how long to wait when known.
 * The message names the marketplace, the endpoint template and the status, never a credential.
 */
export class MarketplaceApiError extends Error {
  readonly kind: ApiErrorKind;
  readonly marketplace: MarketplaceName;
  readonly endpoint: string;
  readonly status: number | null;
  readonly retryAfterMs: number | null;
  readonly retryable: boolean;

  constructor(input: {
    kind: ApiErrorKind;
    marketplace: MarketplaceName;
    endpoint: string;
    message: string;
    status?: number | null;
    retryAfterMs?: number | null;
    cause?: unknown;
  }) {
    super(input.message, input.cause === undefined ? undefined : { cause: input.cause });
    this.name = 'MarketplaceApiError';
    this.kind = input.kind;
    this.marketplace = input.marketplace;
    this.endpoint = input.endpoint;
    this.status = input.status ?? null;
    this.retryAfterMs = input.retryAfterMs ?? null;
    this.retryable = RETRYABLE_KINDS.has(input.kind);
  }
}

const RETRYABLE_KINDS: ReadonlySet<ApiErrorKind> = new Set(['rate_limited', 'server', 'timeout', 'network', 'circuit_open']);

/** Kinds that say the marketplace is unwell (and so count towards opening the circuit). */
export const OUTAGE_KINDS: ReadonlySet<ApiErrorKind> = new Set(['server', 'timeout', 'network']);
