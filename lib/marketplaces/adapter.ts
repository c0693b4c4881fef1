import type { z } from 'zod';
import type { CanonicalEvent } from '@/lib/webhooks/canonical-events';
import type { MarketplaceName, WebhookAuthType } from './names';

/** A push as the route received it: the raw body is what authentication and parsing read. */
export type WebhookRequest = {
  method: 'POST' | 'PUT';
  /** Path segments after /api/webhooks/{marketplace}/{accountId} (Hepsiburada pushes to several). */
  pathTail: string[];
  /** Lower-cased header names. */
  headers: Record<string, string>;
  rawBody: string;
  receivedAt: Date;
};

export type ParseResult = { ok: true; events: CanonicalEvent[] } | { ok: false; issues: z.core.$ZodIssue[] };

/**
 * One marketplace's pushes. Authentication is the account's (lib/webhooks/authenticate.ts);
 * the adapter says which kinds its marketplace can use and turns a verified body into canonical events.
 */
export interface MarketplaceAdapter {
  readonly marketplace: MarketplaceName;
  readonly authTypes: readonly WebhookAuthType[];
  /** The body is already JSON-parsed; `unknown` because nothing outside is trusted. */
  parse(body: unknown, request: WebhookRequest): ParseResult;
}
