/** TanStack Query keys of the webhooks area; invalidating `all` refreshes every list. */
export const webhookQueryKeys = {
  all: ['webhooks'] as const,
  eventList: (query: string) => ['webhooks', 'event-list', query] as const,
};
