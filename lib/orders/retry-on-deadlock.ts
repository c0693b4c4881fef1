/** A shop converted to InnoDB can pick a statement as a deadlock victim; MyISAM's table locks cannot. */
const DEADLOCK_RETRIES = 3;
const ER_LOCK_DEADLOCK = 1213;

function isDeadlock(err: unknown): boolean {
  for (let e: unknown = err; e instanceof Error; e = e.cause) {
    if ('errno' in e && e.errno === ER_LOCK_DEADLOCK) return true;
  }
  return false;
}

/**
 * Runs one autocommit statement again when InnoDB rolled it back as a deadlock victim: the victim
 * statement changed nothing, so running it again is the same as running it once.
 */
export async function retryOnDeadlock<T>(statement: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await statement();
    } catch (err) {
      if (attempt >= DEADLOCK_RETRIES || !isDeadlock(err)) throw err;
    }
  }
}
