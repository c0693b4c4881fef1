import { parseArgs, type ParseArgsConfig } from 'node:util';
import { z } from 'zod';

/** Parses `--flag value` arguments with node's parser, then validates them with a zod schema. */
export function parseCliArgs<S extends z.ZodType>(
  argv: string[],
  options: NonNullable<ParseArgsConfig['options']>,
  schema: S,
  usage: string,
): z.infer<S> {
  let values: Record<string, unknown>;
  try {
    values = parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values;
  } catch (err) {
    fail(`${(err as Error).message}\n${usage}`);
  }
  const parsed = schema.safeParse(values);
  if (!parsed.success) {
    fail(`${parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('\n')}\n${usage}`);
  }
  return parsed.data;
}

export function fail(message: string, code = 2): never {
  console.error(message);
  process.exit(code);
}
