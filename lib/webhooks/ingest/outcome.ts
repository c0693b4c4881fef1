import type { z } from 'zod';

/** Codes a push can be refused with, and the HTTP status each is answered with. */
export const WEBHOOK_ERROR_STATUS = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  NOT_FOUND: 404,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNAVAILABLE: 503,
} as const;
export type WebhookErrorCode = keyof typeof WEBHOOK_ERROR_STATUS;

/** A validation problem as the sender sees it: where, and what (never the offending value). */
export type WebhookIssue = { code: string; path: Array<string | number>; message: string };

export type IngestOutcome =
  | { ok: true; tenantId: number; accountId: number; deliveryId: number; received: number; duplicate: number }
  | { ok: false; code: WebhookErrorCode; message: string; issues?: WebhookIssue[] };

export function toWebhookIssues(issues: readonly z.core.$ZodIssue[]): WebhookIssue[] {
  return issues.map((issue) => ({
    code: issue.code,
    path: issue.path.map((p) => (typeof p === 'number' ? p : String(p))),
    message: issue.message,
  }));
}
