/** TanStack Query keys of the jobs area; invalidating `all` refreshes everything the page shows. */
export const jobsQueryKeys = {
  all: ['jobs'] as const,
  overview: (query: string) => ['jobs', 'overview', query] as const,
};
