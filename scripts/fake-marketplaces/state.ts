import { randomUUID } from 'node:crypto';
import type { FakeRequest, FakeResponse } from './server';

/** An order the fake lists, in the marketplace's own format, with the times its filters read. */
export type StoredOrder = { raw: Record<string, unknown>; createdAt: number; modifiedAt: number };

/** A stock/price batch the fake accepted (a 2xx with an id): what the marketplace would apply. */
export type AcceptedBatch = { id: string; kind: string; skus: string[]; items: unknown[]; at: number; polls: number };

/** What one fake marketplace holds: listed orders, accepted batches, and what it should say of them. */
export class FakeState {
  readonly orders: StoredOrder[] = [];
  readonly accepted: AcceptedBatch[] = [];
  /** SKU → reason: items with these SKUs fail in batch results. */
  readonly failSkus = new Map<string, string>();
  /** Batch-status polls answered "still processing" before the result is given. */
  pendingPolls = 0;
  readonly tokens = new Set<string>();

  constructor(readonly now: () => number = Date.now) {}

  addOrder(raw: Record<string, unknown>, times: { createdAt?: number; modifiedAt?: number } = {}): void {
    const modifiedAt = times.modifiedAt ?? this.now();
    this.orders.push({ raw, createdAt: times.createdAt ?? modifiedAt, modifiedAt });
  }

  accept(kind: string, skus: string[], items: unknown[], id: string = randomUUID()): AcceptedBatch {
    const batch: AcceptedBatch = { id, kind, skus, items, at: this.now(), polls: 0 };
    this.accepted.push(batch);
    return batch;
  }

  batch(id: string): AcceptedBatch | undefined {
    return this.accepted.find((b) => b.id === id);
  }

  /** True while the batch should still read as processing (counts the poll). */
  stillProcessing(batch: AcceptedBatch): boolean {
    batch.polls += 1;
    return batch.polls <= this.pendingPolls;
  }

  /** Admin routes every fake shares: its state, orders to list, SKUs to fail, polls to hold. */
  admin(req: FakeRequest): FakeResponse | null {
    if (req.path === '/__fake/state' && req.method === 'GET') {
      return {
        status: 200,
        json: { accepted: this.accepted.map(({ id, kind, skus, at, polls }) => ({ id, kind, skus, at, polls })), orders: this.orders.length },
      };
    }
    if (req.path === '/__fake/orders' && req.method === 'POST') {
      const body = req.json() as { orders?: Record<string, unknown>[]; createdAt?: number; modifiedAt?: number };
      for (const order of body.orders ?? []) this.addOrder(order, body);
      return { status: 200, json: { orders: this.orders.length } };
    }
    if (req.path === '/__fake/fail-skus' && req.method === 'POST') {
      const body = req.json() as Record<string, string>;
      for (const [sku, reason] of Object.entries(body)) this.failSkus.set(sku, reason);
      return { status: 200, json: { failing: this.failSkus.size } };
    }
    if (req.path === '/__fake/pending-polls' && req.method === 'POST') {
      this.pendingPolls = Number((req.json() as { count?: number }).count ?? 0);
      return { status: 200, json: { pendingPolls: this.pendingPolls } };
    }
    return null;
  }
}

export const ok = (json: unknown, status = 200): FakeResponse => ({ status, json });
export const fail = (status: number, json: unknown): FakeResponse => ({ status, json });

/** The Basic user and password of a request, or null. */
export function basicCredentials(req: FakeRequest): { user: string; password: string } | null {
  const match = /^Basic (.+)$/i.exec(req.headers.authorization ?? '');
  if (!match) return null;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? null : { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

type RouteParams<P extends string> = P extends `${string}{${infer Name}}${infer Rest}` ? Name | RouteParams<Rest> : never;

/** A route pattern like `/a/{id}/b` matched against a path; the named segments, or null. */
export function route<P extends string>(pattern: P, path: string): Record<RouteParams<P>, string> | null {
  const names: string[] = [];
  const regex = new RegExp(`^${pattern.replace(/\{(\w+)\}/g, (_m, name: string) => (names.push(name), '([^/]+)'))}$`);
  const match = regex.exec(path);
  if (!match) return null;
  return Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(match[i + 1]!)])) as Record<RouteParams<P>, string>;
}

/** `yyyy-MM-dd HH:mm` (or with T) Turkish wall-clock time as epoch ms. */
export function parseTurkeyWallClock(text: string | null): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})$/.exec(text ?? '');
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  return Date.UTC(y, mo - 1, d, h - 3, mi);
}
