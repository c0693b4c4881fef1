import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { createAppTestDatabase, type TestDatabase } from '@/lib/testing/harness';
import { tenants } from '@/lib/db/schema';
import { consentInputSchema, consentLedgerCsv, consentTotals, currentConsents, listConsentLedger, recordConsent } from './consent';

const ctx = { actor: { userId: 1, username: 'admin' }, request: { ip: '192.0.2.10', userAgent: 'vitest' } };

describe('consent ledger', () => {
  let t: TestDatabase;
  let tenantId: number;

  beforeAll(async () => {
    t = await createAppTestDatabase('gdprconsent');
    const [tenant] = await t.db.select().from(tenants);
    tenantId = tenant!.id;
  });
  afterAll(async () => {
    await t?.drop();
  });

  const record = (input: Record<string, unknown>, at: string) => recordConsent(t.db, tenantId, consentInputSchema.parse(input), ctx, new Date(at));

  it('derives the current state per purpose from the newest row, keeping every decision', async () => {
    await record({ email: 'Deniz@Example.com', purpose: 'marketing_email', action: 'granted', legalBasis: 'consent', source: 'opencart_newsletter' }, '2026-01-01T10:00:00Z');
    await record({ email: 'deniz@example.com', purpose: 'marketing_email', action: 'withdrawn', legalBasis: 'consent', source: 'public_page' }, '2026-03-01T10:00:00Z');
    await record({ email: 'deniz@example.com', purpose: 'sms', action: 'granted', legalBasis: 'consent', source: 'admin' }, '2026-02-01T10:00:00Z');
    await record({ email: 'other@example.com', purpose: 'marketing_email', action: 'granted', legalBasis: 'consent', source: 'import' }, '2026-02-01T10:00:00Z');

    const state = await currentConsents(t.db, tenantId, 'DENIZ@example.com');
    expect(state.map((s) => [s.purpose, s.action, s.source])).toEqual([
      ['marketing_email', 'withdrawn', 'public_page'],
      ['sms', 'granted', 'admin'],
      ['pricing_profiling', null, null],
    ]);
    const ledger = await listConsentLedger(t.db, tenantId, { email: 'deniz@example.com', page: 1 });
    expect(ledger.total).toBe(3);
    expect(await consentTotals(t.db, tenantId)).toEqual(
      expect.arrayContaining([
        { purpose: 'marketing_email', action: 'withdrawn', n: 1 },
        { purpose: 'marketing_email', action: 'granted', n: 1 },
        { purpose: 'sms', action: 'granted', n: 1 },
      ]),
    );
  });

  it('exports the ledger as CSV, oldest first, one person or the whole shop', async () => {
    const rows = parse(await consentLedgerCsv(t.db, tenantId, 'deniz@example.com'), { columns: true }) as Array<Record<string, string>>;
    expect(rows.map((r) => [r.purpose, r.action])).toEqual([
      ['marketing_email', 'granted'],
      ['sms', 'granted'],
      ['marketing_email', 'withdrawn'],
    ]);
    expect(rows[0]).toMatchObject({ email: 'deniz@example.com', legal_basis: 'consent', source: 'opencart_newsletter', ip: '192.0.2.10', user_agent: 'vitest' });
    const all = parse(await consentLedgerCsv(t.db, tenantId, undefined), { columns: true }) as unknown[];
    expect(all).toHaveLength(4);
  });

  it('refuses input that is not a known purpose, decision or basis', () => {
    expect(consentInputSchema.safeParse({ email: 'a@example.com', purpose: 'telepathy', action: 'granted', legalBasis: 'consent', source: 'admin' }).success).toBe(false);
    expect(consentInputSchema.safeParse({ email: 'a@example.com', purpose: 'sms', action: 'maybe', legalBasis: 'consent', source: 'admin' }).success).toBe(false);
    expect(consentInputSchema.safeParse({ email: 'not-an-email', purpose: 'sms', action: 'granted', legalBasis: 'consent', source: 'admin' }).success).toBe(false);
  });
});
