import type { z } from 'zod';
import { prettifyError } from 'zod';
import { ServiceError } from '@/lib/errors/service-error';

/** Parses a verb's input; a page that wants field errors parses with the exported schema first. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new ServiceError('BAD_REQUEST', prettifyError(parsed.error), { cause: parsed.error });
  return parsed.data;
}
