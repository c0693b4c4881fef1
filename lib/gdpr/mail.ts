import nodemailer from 'nodemailer';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/lib/db/pool';
import { gdprMailOutbox } from '@/lib/db/schema';

/** SMTP_URL (smtp:// or smtps://, credentials in the URL) and the sender address, parsed at the edge. */
export const mailEnvSchema = z.object({
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^\s]+$/, 'SMTP_URL must be smtp://user:pass@host:port or smtps://…')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  SMTP_FROM: z.email('SMTP_FROM must be an email address').default('privacy@localhost.localdomain'),
});
export type MailConfig = { smtpUrl: string | undefined; from: string };

export function mailConfigFromEnv(source: Record<string, string | undefined> = process.env): MailConfig {
  const parsed = mailEnvSchema.safeParse(source);
  if (!parsed.success) throw new Error(`Invalid mail settings: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return { smtpUrl: parsed.data.SMTP_URL, from: parsed.data.SMTP_FROM };
}

export type OutgoingMail = { tenantId: number; requestId: number; to: string; subject: string; body: string };

/**
 * Writes the mail to the outbox, then sends it through SMTP_URL when one is set. Without SMTP the row
 * stays unsent and the public page shows it to the person who just filed (a demo or a test can go on).
 * A failed send is recorded on the row (and logged) rather than failing the request: the request is filed.
 */
export async function sendGdprMail(db: Db, config: MailConfig, mail: OutgoingMail): Promise<{ outboxId: number; sent: boolean }> {
  const [row] = await db
    .insert(gdprMailOutbox)
    .values({ tenantId: mail.tenantId, requestId: mail.requestId, toAddress: mail.to, subject: mail.subject, body: mail.body })
    .$returningId();
  const outboxId = row!.id;
  if (!config.smtpUrl) return { outboxId, sent: false };
  try {
    const transport = nodemailer.createTransport(config.smtpUrl);
    await transport.sendMail({ from: config.from, to: mail.to, subject: mail.subject, text: mail.body });
    await db.update(gdprMailOutbox).set({ sentAt: new Date() }).where(eq(gdprMailOutbox.id, outboxId));
    return { outboxId, sent: true };
  } catch (err) {
    console.error(`gdpr: mail for request ${mail.requestId} not sent`, err);
    await db.update(gdprMailOutbox).set({ error: String(err instanceof Error ? err.message : err).slice(0, 500) }).where(eq(gdprMailOutbox.id, outboxId));
    return { outboxId, sent: false };
  }
}
