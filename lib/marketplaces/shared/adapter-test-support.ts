import { readdirSync, readFileSync } from 'node:fs';
import type { CanonicalEvent } from '@/lib/webhooks/canonical-events';
import type { MarketplaceAdapter, ParseResult, WebhookRequest } from '../adapter';

/** Fixtures are JSON objects (or lists) read back for a test to inspect and alter. */
export type Json = any;

/** The JSON fixtures in an adapter's `fixtures/` folder, by file name. */
export function readFixtures(folder: URL): Map<string, Json> {
  const names = readdirSync(folder).filter((name) => name.endsWith('.json')).sort();
  return new Map(names.map((name) => [name, JSON.parse(readFileSync(new URL(name, folder), 'utf8'))]));
}

export function fixtureFrom(fixtures: Map<string, Json>, name: string): Json {
  const body = fixtures.get(name);
  if (body === undefined) throw new Error(`no fixture named ${name}`);
  return structuredClone(body);
}

export function pushRequest(receivedAt = new Date('2026-01-07T10:00:00.000Z')): WebhookRequest {
  return { method: 'POST', pathTail: [], headers: {}, rawBody: '', receivedAt };
}

export function eventsOf(adapter: MarketplaceAdapter, body: unknown, request = pushRequest()): CanonicalEvent[] {
  const result: ParseResult = adapter.parse(body, request);
  if (!result.ok) throw new Error(`expected the push to parse, got ${JSON.stringify(result.issues, null, 2)}`);
  return result.events;
}

export function issuesOf(adapter: MarketplaceAdapter, body: unknown) {
  const result = adapter.parse(body, pushRequest());
  if (result.ok) throw new Error(`expected the push to be refused, got ${JSON.stringify(result.events)}`);
  return result.issues;
}

/** Bodies no adapter can read. */
export const UNREADABLE_BODIES: readonly unknown[] = [null, undefined, 42, 'order', true, {}];
