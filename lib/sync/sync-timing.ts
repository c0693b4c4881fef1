/**
 * A claim's lease. A run that dies after claiming but before storing the marketplace's batch id leaves
 * its items `sending`; the next run after the lease takes them back. It is longer than Trendyol's
 * 15-minute window for refusing an identical body, so a push that did arrive before the crash is not
 * refused as a repeat when the items go out again.
 */
export const CLAIM_LEASE_MS = 16 * 60_000;

/** Trendyol keeps a batch's result for 4 hours; a batch still unanswered after that is given up and its items are sent again. */
export const BATCH_RESULT_TTL_MS = 4 * 60 * 60_000;

/** The 8th refused attempt stops the retries of an item until the shop's values change again. */
export const MAX_SEND_ATTEMPTS = 8;
/** Delay after the first refusal; doubled after each further one. */
export const RETRY_BASE_DELAY_MS = 60_000;
export const RETRY_MAX_DELAY_MS = 6 * 60 * 60_000;
/** ±20%, so that accounts refused together (a marketplace outage) do not all retry in step. */
export const RETRY_JITTER = 0.2;

/** Backoff after `failedAttempts` refusals: 1 min, 2 min, 4 min, … capped at 6 h, each ±20%. */
export function retryDelayMs(failedAttempts: number, random: () => number = Math.random): number {
  const base = Math.min(RETRY_BASE_DELAY_MS * 2 ** Math.max(0, failedAttempts - 1), RETRY_MAX_DELAY_MS);
  return Math.round(base * (1 + RETRY_JITTER * (2 * random() - 1)));
}
