import { NextResponse } from 'next/server';
import { env } from '@/lib/env';
import { getDb } from '@/lib/db/pool';
import { JOB_NAMES } from '@/lib/jobs/registry';
import { checkHealth, healthAnswer } from '@/lib/monitoring/check-health';

export const dynamic = 'force-dynamic';

/** For uptime checkers and load balancers: no session, no secrets; 503 names the failing check. */
export async function GET() {
  const health = await checkHealth(getDb(env().DATABASE_URL), { maxLagSeconds: env().HEALTH_MAX_LAG_SECONDS, jobNames: JOB_NAMES });
  // Probe answers carry no driver messages (they can name hosts or SQL); the logs do.
  for (const c of health.checks) if (!c.ok) console.error(`health check ${c.name} failed: ${c.error}`);
  const { status, body } = healthAnswer(health);
  return NextResponse.json(body, { status, headers: { 'Cache-Control': 'no-store' } });
}
