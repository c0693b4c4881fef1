import { MarketplaceApiError } from '@/lib/marketplaces/outbound';

const MESSAGE_MAX_CHARS = 500;

/**
 * A failure that says "not now" rather than "no": a rate limit the client's own retries could not
 * wait out, an open circuit breaker, a 5xx, a timeout or a broken connection. It says nothing about
 * the items, so they go back to the queue without counting an attempt, and the account is left
 * alone for this run (the breaker opens if the marketplace keeps failing). Anything else (a 4xx, bad
 * credentials, an answer we cannot read) counts an attempt for each item and backs off.
 */
export function isDeferringFailure(err: unknown): boolean {
  return err instanceof MarketplaceApiError && err.retryable;
}

/** A short reason for the outbox's last error: the client's kind and message, never a stack. */
export function describeFailure(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return (err instanceof MarketplaceApiError ? `${err.kind}: ${message}` : message).slice(0, MESSAGE_MAX_CHARS);
}
