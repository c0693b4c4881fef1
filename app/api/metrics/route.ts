import { NextResponse } from 'next/server';
import { env } from '@/lib/env';
import { getDb } from '@/lib/db/pool';
import { authorizeMetricsRequest } from '@/lib/monitoring/metrics/metrics-auth';
import { renderMetrics } from '@/lib/monitoring/metrics/business-gauges';

export const dynamic = 'force-dynamic';

/** Prometheus text for a scraper holding `Authorization: Bearer $METRICS_TOKEN`; no session. */
export async function GET(request: Request) {
  const auth = authorizeMetricsRequest(request.headers.get('authorization'), env().METRICS_TOKEN);
  if (!auth.ok) return NextResponse.json({ error: { code: 'UNAUTHORIZED', message: auth.message } }, { status: 401 });
  const { body, contentType } = await renderMetrics(getDb(env().DATABASE_URL));
  return new Response(body, { headers: { 'Content-Type': contentType, 'Cache-Control': 'no-store' } });
}
