/** Runs once when a server starts: a bad configuration stops it here, with every problem named. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  const { env } = await import('@/lib/env');
  const parsed = env();
  if (process.env.NODE_ENV === 'production' && !parsed.AUTH_SECRET && !process.env.NEXTAUTH_SECRET) {
    throw new Error('AUTH_SECRET is not set: sessions cannot be signed. Set it to a random string of 32+ characters.');
  }
  const { startDefaultMetrics } = await import('@/lib/monitoring/metrics/registry');
  startDefaultMetrics();
}
