import { NextResponse } from 'next/server';
import { env } from '@/lib/env';
import { getDb } from '@/lib/db/pool';
import { checkHealth } from '@/lib/monitoring/check-health';

export const dynamic = 'force-dynamic';

export async function GET() {
  const health = await checkHealth(getDb(env().DATABASE_URL));
  // Probe answers carry no driver messages (they can name hosts or SQL); the logs do.
  for (const c of health.checks) if (!c.ok) console.error(`health check ${c.name} failed: ${c.error}`);
  const checks = health.checks.map(({ name, ok, latencyMs }) => ({ name, ok, latencyMs }));
  return NextResponse.json({ status: health.status, checks }, { status: health.status === 'ok' ? 200 : 503 });
}
