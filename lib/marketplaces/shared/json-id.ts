import { z } from 'zod';

/** Long enough for every marketplace id seen (GUIDs, 13-digit order numbers), short enough to build dedup keys from. */
export const MARKETPLACE_ID_MAX_LENGTH = 64;

/**
 * A marketplace id, sent as a JSON number or a string, kept as a string: N11's order numbers grew
 * from 12 to 13 digits [doc], so ids are never arithmetic. A number past 2^53 is refused, because
 * JSON parsing has already changed its digits.
 */
export const jsonIdSchema = z
  .union([z.string().min(1).max(MARKETPLACE_ID_MAX_LENGTH), z.int().nonnegative()])
  .transform(String);
