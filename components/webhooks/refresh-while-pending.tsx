'use client';

import { useEffect } from 'react';
import { useRouter } from 'next/navigation';
import { LIVE_REFRESH_MS } from './live-refresh';

/** Re-renders the server page every LIVE_REFRESH_MS while an event waits in the queue, so its outcome shows up. */
export function RefreshWhilePending({ active }: { active: boolean }) {
  const router = useRouter();
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => router.refresh(), LIVE_REFRESH_MS);
    return () => clearInterval(timer);
  }, [active, router]);
  return null;
}
