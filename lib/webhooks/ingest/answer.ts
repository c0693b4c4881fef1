import { WEBHOOK_ERROR_STATUS, type IngestOutcome, type WebhookErrorCode, type WebhookIssue } from './outcome';

export type WebhookErrorBody = { error: { code: WebhookErrorCode; message: string; issues?: WebhookIssue[] } };
export type WebhookSuccessBody = { received: number; duplicate: number };
export type WebhookAnswer = { status: number; body: WebhookErrorBody | WebhookSuccessBody };

/** The one error shape every webhook refusal uses. */
export function webhookError(code: WebhookErrorCode, message: string, issues?: WebhookIssue[]): WebhookAnswer {
  return { status: WEBHOOK_ERROR_STATUS[code], body: { error: { code, message, ...(issues ? { issues } : {}) } } };
}

/** 200 with how many events were new and how many were redeliveries, or the refusal. */
export function webhookAnswer(outcome: IngestOutcome): WebhookAnswer {
  if (!outcome.ok) return webhookError(outcome.code, outcome.message, outcome.issues);
  return { status: 200, body: { received: outcome.received, duplicate: outcome.duplicate } };
}
