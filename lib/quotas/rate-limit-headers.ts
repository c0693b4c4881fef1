import type { QuotaDecision, QuotaWindowState } from './consume-quota';
import { GRAIN_MS, secondsUntil } from './windows';

const MS_PER_SECOND = 1_000;

function remainingOf(w: QuotaWindowState): number {
  return Math.max(0, w.limit - w.used);
}

/** A policy's name: the resource, with the marketplace for per-marketplace quotas. */
function policyName(w: QuotaWindowState): string {
  return w.scope ? `${w.resource}.${w.scope}` : w.resource;
}

/** The window a client should heed: the refusing one, else the one with least left (then the soonest reset). */
export function governingWindow(decision: QuotaDecision): QuotaWindowState | null {
  if (!decision.allowed && decision.reason === 'quota') return decision.refusedBy;
  const sorted = [...decision.windows].sort((a, b) => remainingOf(a) - remainingOf(b) || a.resetAt.getTime() - b.resetAt.getTime());
  return sorted[0] ?? null;
}

/**
 * The rate-limit fields of the IETF httpapi draft in both of its forms, since senders read one or the other:
 * - the older RateLimit-Limit / RateLimit-Remaining / RateLimit-Reset (delta-seconds) of the governing window;
 * - the newer structured fields, every policy listed:
 *   `RateLimit-Policy: "webhook_events_per_minute";q=100;w=60, "webhook_events_per_day";q=100000;w=86400`
 *   `RateLimit: "webhook_events_per_minute";r=0;t=23, "webhook_events_per_day";r=99880;t=51223`.
 * A refusal adds Retry-After: when the refusing window resets.
 */
export function rateLimitHeaders(decision: QuotaDecision, now: Date): Record<string, string> {
  const governing = governingWindow(decision);
  if (!governing) return {};
  const headers: Record<string, string> = {
    'RateLimit-Limit': String(governing.limit),
    'RateLimit-Remaining': String(remainingOf(governing)),
    'RateLimit-Reset': String(secondsUntil(governing.resetAt, now)),
    'RateLimit-Policy': decision.windows
      .map((w) => `"${policyName(w)}";q=${w.limit};w=${GRAIN_MS[w.grain] / MS_PER_SECOND}`)
      .join(', '),
    RateLimit: decision.windows.map((w) => `"${policyName(w)}";r=${remainingOf(w)};t=${secondsUntil(w.resetAt, now)}`).join(', '),
  };
  if (!decision.allowed) headers['Retry-After'] = String(Math.max(1, secondsUntil(governing.resetAt, now)));
  return headers;
}
