import type { z } from 'zod';
import { format, getMessages, type Locale } from '@/lib/i18n';
import type { FieldErrors } from '@/lib/auth/tenant-action';

/** What the account schemas say in English, said per field in the asker's language. */
export function accountFieldErrors(issues: z.core.$ZodIssue[], locale: Locale): FieldErrors {
  const t = getMessages(locale).accounts.fieldErrors;
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const first = String(issue.path[0] ?? '');
    const field = first.startsWith('cred_') ? 'apiCredentials' : first;
    let message: string;
    if (field === 'marketplace' || field === 'authType' || field === 'skuMatch') message = t.choose;
    else if (field === 'authUsername') message = t.authUsername;
    else if (field === 'apiKeyHeader') message = t.apiKeyHeader;
    else if (field === 'secret') message = t.secret;
    else if (field === 'apiBaseUrl') message = t.apiBaseUrl;
    else if (field === 'apiSellerId') message = t.apiSellerId;
    else if (field === 'apiOptions') message = t.apiOptions;
    else if (field === 'apiCredentials' || field.startsWith('cred_')) message = t.apiCredentials;
    else if (issue.code === 'too_small') message = t.required;
    else if (issue.code === 'too_big') message = format(t.tooLong, { max: String(issue.maximum) });
    else message = t.invalid;
    const known = errors[field] ?? [];
    if (!known.includes(message)) errors[field] = [...known, message];
  }
  return errors;
}
