/**
 * At most one run at a time in this process, however many callers ask: a request arriving while a
 * run is going asks for one more pass instead of starting a second, competing run. Under a burst
 * of webhooks this keeps one worker per instance (cron and other instances add theirs), rather
 * than one per request fighting over the same rows and connections.
 */
export function coalescedRunner(run: () => Promise<{ claimed: number }>) {
  let running = false;
  let again = false;
  return async function request(): Promise<void> {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        const { claimed } = await run();
        // A pass that found work may have left more behind it; one that found none ends the run
        // unless a new request arrived meanwhile.
        if (claimed > 0) again = true;
      } while (again);
    } finally {
      running = false;
    }
  };
}
