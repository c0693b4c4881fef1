import { z } from 'zod';
import { MARKETPLACES, type MarketplaceName } from '@/lib/marketplaces/names';

/** What a tenant uses and is counted for. Windowed metrics are counted per UTC minute and day. */
export const QUOTA_METRICS = ['webhook_events', 'api_calls', 'gdpr_exports', 'linked_products', 'backup_storage'] as const;
export type QuotaMetric = (typeof QUOTA_METRICS)[number];
export const WINDOWED_METRICS = ['webhook_events', 'api_calls', 'gdpr_exports'] as const satisfies readonly QuotaMetric[];
export type WindowedMetric = (typeof WINDOWED_METRICS)[number];

/** `minute` and `day` are fixed windows aligned in UTC; `total` is a level (rows, bytes) with no window. */
export type QuotaWindow = 'minute' | 'day' | 'total';

export type QuotaResourceDefinition = {
  metric: QuotaMetric;
  window: QuotaWindow;
  /** The limit until an admin sets one. */
  defaultLimit: number;
  /** Counted separately per marketplace (the scope); otherwise the scope is ''. */
  perMarketplace: boolean;
};

const GIB = 1024 ** 3;

/**
 * Every quota a tenant has. Defaults are generous for one shop (a busy shop receives a few events a
 * second); an agency tightens or loosens them per tenant on the usage page.
 */
export const QUOTA_RESOURCES = {
  webhook_events_per_minute: { metric: 'webhook_events', window: 'minute', defaultLimit: 3_000, perMarketplace: false },
  webhook_events_per_day: { metric: 'webhook_events', window: 'day', defaultLimit: 1_000_000, perMarketplace: false },
  api_calls_per_minute: { metric: 'api_calls', window: 'minute', defaultLimit: 600, perMarketplace: true },
  linked_products: { metric: 'linked_products', window: 'total', defaultLimit: 10_000, perMarketplace: false },
  backup_storage_bytes: { metric: 'backup_storage', window: 'total', defaultLimit: 5 * GIB, perMarketplace: false },
  gdpr_exports_per_day: { metric: 'gdpr_exports', window: 'day', defaultLimit: 20, perMarketplace: false },
} as const satisfies Record<string, QuotaResourceDefinition>;

export type QuotaResource = keyof typeof QUOTA_RESOURCES;
export const QUOTA_RESOURCE_NAMES = Object.keys(QUOTA_RESOURCES) as QuotaResource[];
export const quotaResourceSchema = z.enum(QUOTA_RESOURCE_NAMES as [QuotaResource, ...QuotaResource[]]);

/** The largest limit an admin may set: beyond it a number is no longer exact in JavaScript. */
export const MAX_QUOTA_LIMIT = Number.MAX_SAFE_INTEGER;

/** A resource with its scope: the marketplace for per-marketplace resources, '' otherwise. */
export type QuotaKey = { resource: QuotaResource; scope: string };

export function definitionOf(resource: QuotaResource): QuotaResourceDefinition {
  return QUOTA_RESOURCES[resource];
}

/** The windowed resources of a metric (a metric may be limited per minute, per day, or both). */
export function windowedResourcesOf(metric: WindowedMetric): Array<{ resource: QuotaResource; window: 'minute' | 'day' }> {
  const found: Array<{ resource: QuotaResource; window: 'minute' | 'day' }> = [];
  for (const resource of QUOTA_RESOURCE_NAMES) {
    const def = definitionOf(resource);
    if (def.metric === metric && def.window !== 'total') found.push({ resource, window: def.window });
  }
  return found;
}

/** Scopes are marketplace names or ''; anything else is refused before it reaches SQL. */
export const quotaScopeSchema = z.union([z.literal(''), z.enum(MARKETPLACES)]);

export function scopeFor(resource: QuotaResource, marketplace: MarketplaceName | undefined): string {
  return definitionOf(resource).perMarketplace ? (marketplace ?? '') : '';
}
