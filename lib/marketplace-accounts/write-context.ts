/** Who is changing an account, and the key its secrets are sealed with. */
export type AccountWriteContext = {
  /** From encryptionKeyFrom(APP_ENCRYPTION_KEY). */
  key: Buffer;
  actor: { userId: number | null; username: string };
  request?: { ip: string; userAgent: string };
};
