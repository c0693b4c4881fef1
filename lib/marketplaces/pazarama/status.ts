import { z } from 'zod';
import { statusTableSchema } from '../shared/status-table';

/** `orderItemStatus` codes [doc]: Pazarama keeps status per line, and a line starts at 3. */
export const PAZARAMA_LINE_STATUSES = {
  /** Received. */
  3: 'created',
  /** Preparing: the seller accepted the line. */
  12: 'processing',
  /** Could not be supplied. */
  13: 'cancelled',
  5: 'shipped',
  11: 'delivered',
  14: 'undelivered',
  /** Return started: the goods are still with the buyer until it is approved [inferred]. */
  7: 'delivered',
  8: 'returned',
  /** Return rejected: the sale stands. */
  9: 'delivered',
  10: 'returned',
} as const;

export const pazaramaLineStatusSchema = z
  .int()
  .transform(String)
  .pipe(statusTableSchema(PAZARAMA_LINE_STATUSES, 'Pazarama line'));
