import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '@/lib/db/pool';
import { selectRows } from '@/lib/orders/raw-sql';

/** A DATETIME as mysql2 hands it back with dateStrings (UTC, no zone), or a Date from a driver without it. */
export const utcDateSchema = z.union([z.date(), z.string().transform((text) => new Date(`${text.replace(' ', 'T')}Z`))]);

/** The database's clock: ingest and the worker stamp rows with it, and an app server's clock may differ. */
export async function databaseNow(db: DbOrTx): Promise<Date> {
  const [row] = await selectRows(db, sql`SELECT UTC_TIMESTAMP(3) AS now`, z.object({ now: utcDateSchema }));
  if (!row) throw new Error('The database did not tell its time');
  return row.now;
}

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

export const floorTo = (date: Date, stepMs: number) => new Date(Math.floor(date.getTime() / stepMs) * stepMs);
export const ceilTo = (date: Date, stepMs: number) => new Date(Math.ceil(date.getTime() / stepMs) * stepMs);
