import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/lib/db/pool';
import { selectRows } from '@/lib/orders/raw-sql';
import { tryAgainLater } from './apply-error';

/** How long an event waits for another worker to finish with the same marketplace order. */
export const ORDER_LOCK_TIMEOUT_S = 10;
const LOCK_NAME_PREFIX = 'msc-order:';

/** MySQL 8 limits lock names to 64 characters: a hash keeps any order id within it. */
export function orderLockName(accountId: number, externalOrderId: string): string {
  return LOCK_NAME_PREFIX + createHash('sha1').update(`${accountId}:${externalOrderId}`).digest('hex');
}

/**
 * One worker's mutex per marketplace order: all events of one order (its creation and its status
 * changes, whatever their event ids) are applied one at a time, across processes and machines.
 * GET_LOCK rather than a row lock because it must be held before the order's intent row exists, and
 * while that row is written on another connection. It is taken on the worker's own session (the one
 * that runs the event's transaction) and released only after that transaction has committed, so the
 * next holder reads the link row as committed; the server drops it by itself when a crashed worker's
 * connection goes away.
 */
export class OrderLock {
  private held: string | undefined;

  constructor(private readonly session: Db) {}

  async acquire(accountId: number, externalOrderId: string): Promise<void> {
    const name = orderLockName(accountId, externalOrderId);
    if (this.held === name) return;
    if (this.held) throw new Error(`Order lock ${this.held} is still held while asking for ${name}`);
    const [row] = await selectRows(
      this.session,
      sql`SELECT GET_LOCK(${name}, ${ORDER_LOCK_TIMEOUT_S}) AS got`,
      z.object({ got: z.coerce.number().nullable() }),
    );
    if (row?.got !== 1) {
      throw tryAgainLater(`Marketplace order ${externalOrderId} of account ${accountId} is being applied by another worker`);
    }
    this.held = name;
  }

  /** Called once the event's transaction has ended, committed or not. */
  async release(): Promise<void> {
    if (!this.held) return;
    const name = this.held;
    this.held = undefined;
    await this.session.execute(sql`SELECT RELEASE_LOCK(${name})`);
  }
}
