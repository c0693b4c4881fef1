import type { z } from 'zod';
import { format, getMessages, type Locale } from '@/lib/i18n';
import type { FieldErrors } from '@/lib/auth/tenant-action';

const FIELD_TEXT = { slug: 'slug', databaseUrl: 'databaseUrl', tablePrefix: 'tablePrefix', storeId: 'storeId', timezone: 'timezone' } as const;

/** What the tenant schemas say in English, said per field in the asker's language. */
export function tenantFieldErrors(issues: z.core.$ZodIssue[], locale: Locale): FieldErrors {
  const t = getMessages(locale).tenants.fieldErrors;
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? '');
    let message: string;
    if (field in FIELD_TEXT) message = t[FIELD_TEXT[field as keyof typeof FIELD_TEXT]];
    else if (issue.code === 'too_small') message = t.required;
    else if (issue.code === 'too_big') message = format(t.tooLong, { max: String(issue.maximum) });
    else message = t.invalid;
    const known = errors[field] ?? [];
    if (!known.includes(message)) errors[field] = [...known, message];
  }
  return errors;
}
