/**
 * Why an event could not be applied, and whether waiting helps:
 * - `retry`: it may work later (its order is not imported yet, a lock was busy, the shop's database
 *   was away); the worker backs off and tries again, up to MAX_ATTEMPTS.
 * - `dead`: it cannot work until someone acts (an unknown SKU needs a product mapping, a currency is
 *   not set up); retrying would only burn attempts, so it is dead-lettered at once and replayed after
 *   the fix.
 */
export type ApplyFailureDisposition = 'retry' | 'dead';

export class EventApplyError extends Error {
  constructor(
    readonly disposition: ApplyFailureDisposition,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'EventApplyError';
  }
}

export const needsAction = (message: string, options?: { cause?: unknown }) => new EventApplyError('dead', message, options);
export const tryAgainLater = (message: string, options?: { cause?: unknown }) => new EventApplyError('retry', message, options);
