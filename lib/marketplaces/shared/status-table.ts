import { z } from 'zod';
import type { CanonicalOrderStatus } from '@/lib/webhooks/canonical-events';

/** A marketplace's order statuses, by the name (or code) it sends, with the canonical status each means. */
export type StatusTable = Readonly<Record<string, CanonicalOrderStatus>>;

export type KnownStatus = { marketplaceStatus: string; status: CanonicalOrderStatus };

/**
 * A zod schema reading a status through its marketplace's table. The result keeps the table's
 * spelling, so one status is one dedup key however it was written. An unknown status is an issue,
 * never a guess: a new marketplace status needs a line in the table, not a silent default.
 */
export function statusTableSchema(table: StatusTable, marketplace: string, options: { ignoreCase?: boolean } = {}) {
  const key = (name: string) => (options.ignoreCase ? name.trim().toLowerCase() : name);
  const known = new Map<string, KnownStatus>(
    Object.entries(table).map(([name, status]) => [key(name), { marketplaceStatus: name, status }]),
  );
  return z.string().transform((name, ctx) => {
    const found = known.get(key(name));
    if (found === undefined) {
      ctx.issues.push({
        code: 'custom',
        message: `a ${marketplace} status (${Object.keys(table).join(', ')})`,
        input: name,
      });
      return z.NEVER;
    }
    return found;
  });
}
