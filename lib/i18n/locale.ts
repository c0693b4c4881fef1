/** Client-safe locale helpers: no zod, no message files. */
export const LOCALES = ['tr', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export const INTL_LOCALE: Record<Locale, string> = { tr: 'tr-TR', en: 'en-GB' };

/** Fills `{name}` placeholders. */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, key: string) => (key in values ? String(values[key]) : m));
}
