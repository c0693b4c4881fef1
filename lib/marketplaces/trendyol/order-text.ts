import { fitText, ORDER_TEXT_WIDTH } from '../shared/fit-text';

/** Every canonical order text field's width, adding the ones the shared table does not list. */
export const ORDER_FIELD_WIDTH = { ...ORDER_TEXT_WIDTH, postcode: 10, email: 96, telephone: 32, sku: 128, orderNumber: 64 } as const;

/** Optional marketplace text, trimmed and cut to fit (a long name must not make the order a 400). */
export function fitOptionalText(value: string | null | undefined, max: number): string {
  return fitText((value ?? '').trim(), max);
}

/** A street that does not fit in `address1` continues in `address2`. */
export function splitAddressLines(street: string): { address1: string; address2: string } {
  const text = street.trim();
  const address1 = fitText(text, ORDER_FIELD_WIDTH.addressLine);
  return { address1, address2: fitOptionalText(text.slice(address1.length), ORDER_FIELD_WIDTH.addressLine) };
}

/** A cut e-mail address is a wrong one: one too long for the column is left out. */
export function fittingEmail(value: string | null | undefined): string {
  const email = (value ?? '').trim();
  return email.length <= ORDER_FIELD_WIDTH.email ? email : '';
}
