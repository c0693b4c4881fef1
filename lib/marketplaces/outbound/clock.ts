/** Time for the outbound core: rate limits, backoff waits and the circuit breaker read it from here. */
export type Clock = {
  /** Epoch milliseconds. */
  now(): number;
  sleep(ms: number): Promise<void>;
};

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms))),
};

/**
 * A clock that only moves when slept on or told to: waits return at once and add their length,
 * so tests assert the order and spacing of calls without waiting for them.
 */
export class ManualClock implements Clock {
  private current: number;
  readonly sleeps: number[] = [];

  constructor(start: number = Date.UTC(2026, 0, 6, 10, 0, 0)) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  async sleep(ms: number): Promise<void> {
    const wait = Math.max(0, ms);
    this.sleeps.push(wait);
    this.current += wait;
  }

  advance(ms: number): void {
    this.current += ms;
  }
}
