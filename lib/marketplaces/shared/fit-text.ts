/**
 * Widths of the OpenCart order columns that canonical orders follow (lib/webhooks/canonical-events.ts).
 * Marketplace names and Turkish addresses are often longer: they are cut to fit rather than
 * refusing the order, and the full text stays in the stored raw delivery.
 */
export const ORDER_TEXT_WIDTH = {
  name: 32,
  company: 60,
  addressLine: 128,
  city: 128,
  zone: 128,
  productName: 255,
  marketplaceStatus: 64,
} as const;

/** At most `max` UTF-16 units (what zod counts, and no more characters than MySQL counts), never half an emoji. */
export function fitText(text: string, max: number): string {
  if (text.length <= max) return text;
  let fitted = '';
  for (const character of text) {
    if (fitted.length + character.length > max) break;
    fitted += character;
  }
  return fitted;
}

/**
 * A marketplace's single full-name field split the Turkish way: the last word is the surname
 * ("Ayşe Nur Yılmaz" → "Ayşe Nur" / "Yılmaz"); one word is a first name only.
 */
export function splitFullName(fullName: string): { firstname: string; lastname: string } {
  const words = fullName.trim().split(/\s+/).filter(Boolean);
  const lastname = words.length > 1 ? (words.pop() ?? '') : '';
  return {
    firstname: fitText(words.join(' '), ORDER_TEXT_WIDTH.name),
    lastname: fitText(lastname, ORDER_TEXT_WIDTH.name),
  };
}
