/** TanStack Query keys of the usage area; invalidating `all` refreshes everything the page shows. */
export const usageQueryKeys = {
  all: ['usage'] as const,
  tenant: (tenantId: number) => ['usage', tenantId] as const,
};

/** How often the usage page re-reads its figures while visible: per-minute quotas move that fast. */
export const USAGE_REFRESH_MS = 15_000;
