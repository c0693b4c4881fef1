import type { z } from 'zod';
import type { QuotaDecision } from '@/lib/quotas/consume-quota';

/** Codes a push can be refused with, and the HTTP status each is answered with. */
export const WEBHOOK_ERROR_STATUS = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  NOT_FOUND: 404,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  TOO_MANY_REQUESTS: 429,
  UNAVAILABLE: 503,
} as const;
export type WebhookErrorCode = keyof typeof WEBHOOK_ERROR_STATUS;

/** A validation problem as the sender sees it: where, and what (never the offending value). */
export type WebhookIssue = { code: string; path: Array<string | number>; message: string };

/** `quota` is the tenant's quota decision once the push got that far (the route turns it into RateLimit headers). */
export type IngestOutcome =
  | { ok: true; tenantId: number; accountId: number; deliveryId: number; received: number; duplicate: number; quota?: QuotaDecision }
  | { ok: false; code: WebhookErrorCode; message: string; issues?: WebhookIssue[]; quota?: QuotaDecision };

export function toWebhookIssues(issues: readonly z.core.$ZodIssue[]): WebhookIssue[] {
  return issues.map((issue) => ({
    code: issue.code,
    path: issue.path.map((p) => (typeof p === 'number' ? p : String(p))),
    message: issue.message,
  }));
}
