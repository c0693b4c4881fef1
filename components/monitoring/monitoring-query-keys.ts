/** TanStack Query keys of the monitoring page; invalidating `all` refreshes everything it shows. */
export const monitoringQueryKeys = {
  all: ['monitoring'] as const,
  data: (query: string) => ['monitoring', 'data', query] as const,
};

/** How often the page re-reads its figures while visible (TanStack Query does not poll a hidden tab). */
export const MONITORING_REFRESH_MS = 10_000;
