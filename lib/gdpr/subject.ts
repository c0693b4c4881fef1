import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';

/** OpenCart's email columns are varchar(96). */
export const EMAIL_MAX = 96;

export const subjectEmailSchema = z.string().trim().toLowerCase().max(EMAIL_MAX).pipe(z.email());

/** OpenCart compares emails case-insensitively (LCASE(email) = ...); so do we, exactly, never by substring. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** What recognises the same person's requests without keeping the address after an erasure. */
export function subjectHash(tenantId: number, email: string): string {
  return createHash('sha256').update(`${tenantId}:${normaliseEmail(email)}`).digest('hex');
}

/** A fresh pseudonym for one erasure: random, so it says nothing about the person, and stable across their rows. */
export function newPseudonym(): string {
  return `anon-${randomBytes(6).toString('hex')}`;
}

export function pseudonymEmail(pseudonym: string): string {
  return `${pseudonym}@anonymised.invalid`;
}

/** A LIKE pattern matching `text` anywhere, with LIKE's own wildcards (common in emails: `_`) taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
