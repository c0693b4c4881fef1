import { randomUUID } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import type { WebhookRequest } from '@/lib/marketplaces/adapter';

/** Standard Webhooks headers for a body, signed as a sender holding `secret` would at `at`. */
export function signedHeaders(secret: string, rawBody: string, opts: { id?: string; at?: Date } = {}) {
  const id = opts.id ?? `msg_${randomUUID()}`;
  const at = opts.at ?? new Date();
  return {
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': new Webhook(secret).sign(id, at, rawBody),
  };
}

export function basicAuthorization(username: string, password: string) {
  return `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`;
}

/** A push as the route hands it to ingest. */
export function webhookRequest(rawBody: string, headers: Record<string, string>, method: 'POST' | 'PUT' = 'POST'): WebhookRequest {
  return {
    method,
    pathTail: [],
    headers: { 'content-type': 'application/json', 'user-agent': 'vitest-sender', ...headers },
    rawBody,
    receivedAt: new Date(),
  };
}

/** A canonical stock event; `externalId` is what a redelivery repeats. */
export function stockEvent(externalId: string, sku = 'SKU-1', quantity = 5) {
  return { externalId, occurredAt: '2025-06-01T10:00:00+03:00', type: 'stock.changed', sku, quantity };
}

export function questionEvent(externalId: string, text: string, customerName = '') {
  return {
    externalId,
    occurredAt: '2025-06-01T10:00:00Z',
    type: 'question.received',
    questionId: `q-${externalId}`,
    sku: 'SKU-1',
    text,
    customerName,
  };
}
