/**
 * InnoDB may pick a transaction or an autocommit statement as a deadlock victim (20 concurrent
 * redeliveries do this; so can a shop converted to InnoDB); the victim is rolled back whole and
 * changed nothing, so running it again is the same as running it once. MyISAM's table locks cannot deadlock.
 */
const RETRYABLE_ERRNOS = new Set([1213 /* ER_LOCK_DEADLOCK */, 1205 /* ER_LOCK_WAIT_TIMEOUT */]);
export const MAX_TRANSACTION_ATTEMPTS = 5;
const RETRY_BASE_DELAY_MS = 10;

function isRetryable(err: unknown): boolean {
  for (let e: unknown = err; e instanceof Error; e = e.cause) {
    const errno = (e as { errno?: unknown }).errno;
    if (typeof errno === 'number' && RETRYABLE_ERRNOS.has(errno)) return true;
  }
  return false;
}

/** Runs a whole transaction (or one statement) again when the server rolled it back over a lock conflict. */
export async function retryOnDeadlock<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (err) {
      if (attempt >= MAX_TRANSACTION_ATTEMPTS || !isRetryable(err)) throw err;
      const jitterMs = Math.random() * RETRY_BASE_DELAY_MS * 2 ** attempt;
      await new Promise((resolve) => setTimeout(resolve, jitterMs));
    }
  }
}
