'use client';

import { useState } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';

/** Pages hand their first data down from the server, so a query is fresh for this long before a refetch. */
const QUERY_STALE_MS = 2_000;

/** TanStack Query for the client leaves that keep data live (the webhook list). One client per browser tab. */
export function Providers({ children }: { children: React.ReactNode }) {
  const [client] = useState(() => new QueryClient({ defaultOptions: { queries: { staleTime: QUERY_STALE_MS } } }));
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
