import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/lib/db/pool';
import { PRICE_ROUNDINGS, PRICING_RULE_SCOPES, pricingRules, type PricingRuleRow } from '@/lib/db/schema';
import { writeAudit, type AuditEntry } from '@/lib/audit/write-audit';
import { ServiceError } from '@/lib/errors/service-error';

/** An empty field inherits (NULL); a filled one is a decimal with at most `scale` places. */
const optionalDecimal = (max: number, scale: number) =>
  z
    .union([z.string(), z.number(), z.null()])
    .optional()
    .transform((v) => (v === undefined || v === null || String(v).trim() === '' ? null : String(v).trim().replace(',', '.')))
    .pipe(
      z
        .string()
        .regex(new RegExp(`^\\d+(\\.\\d{1,${scale}})?$`), `a number ≥ 0 with at most ${scale} decimals`)
        .refine((v) => Number(v) <= max, `at most ${max}`)
        .nullable(),
    );

export const pricingRuleSchema = z
  .object({
    scope: z.enum(PRICING_RULE_SCOPES).default('shop'),
    scopeId: z.coerce.number().int().min(0).default(0),
    marginFloorPct: optionalDecimal(1000, 2),
    maxStepPct: optionalDecimal(100, 2),
    priceFloor: optionalDecimal(1e9, 4),
    priceCeiling: optionalDecimal(1e9, 4),
    rounding: z.enum(PRICE_ROUNDINGS).nullable().optional().transform((v) => v ?? null),
    beatCompetitorBy: optionalDecimal(1e9, 4),
    beatCompetitorFloor: optionalDecimal(1e9, 4),
  })
  .refine((r) => (r.scope === 'shop') === (r.scopeId === 0), { message: 'The shop rule has scope id 0; others name a category or product.', path: ['scopeId'] })
  .refine((r) => r.priceFloor === null || r.priceCeiling === null || Number(r.priceFloor) <= Number(r.priceCeiling), {
    message: 'The floor is above the ceiling.',
    path: ['priceCeiling'],
  });
export type PricingRuleInput = z.input<typeof pricingRuleSchema>;

export async function readShopRule(db: Db, tenantId: number): Promise<PricingRuleRow | null> {
  const [row] = await db.select().from(pricingRules).where(and(eq(pricingRules.tenantId, tenantId), eq(pricingRules.scope, 'shop')));
  return row ?? null;
}

/** Creates or replaces one rule row (the shop's, a category's or a product's), audited in the same transaction. */
export async function savePricingRule(
  db: Db,
  tenantId: number,
  input: PricingRuleInput,
  ctx: { actor: AuditEntry['actor']; request?: AuditEntry['request'] },
): Promise<void> {
  const parsed = pricingRuleSchema.safeParse(input);
  if (!parsed.success) throw new ServiceError('BAD_REQUEST', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  const { scope, scopeId, ...fields } = parsed.data;
  await db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(pricingRules)
      .where(and(eq(pricingRules.tenantId, tenantId), eq(pricingRules.scope, scope), eq(pricingRules.scopeId, scopeId)))
      .for('update');
    const values = { ...fields, updatedBy: ctx.actor.username.slice(0, 64), updatedAt: new Date() };
    if (before) await tx.update(pricingRules).set(values).where(eq(pricingRules.id, before.id));
    else await tx.insert(pricingRules).values({ tenantId, scope, scopeId, ...values });
    await writeAudit(tx, {
      action: 'pricing.rule_save',
      actor: ctx.actor,
      tenantId,
      target: { type: 'msc_pricing_rule', id: `${scope}:${scopeId}` },
      before: before ?? null,
      after: fields,
      request: ctx.request,
    });
  });
}
