/** The worker dead-letters an order line it cannot match with "Unknown SKU <sku> for account <id>: …". */
const UNKNOWN_SKU_PATTERN = /^Unknown SKU (.+) for account (\d+)(?::|$)/;

/** The marketplace SKU a dead event is waiting on a product mapping for, when that is why it died. */
export function unknownSkuFromError(error: string | null): { sku: string; accountId: number } | null {
  const match = error ? UNKNOWN_SKU_PATTERN.exec(error) : null;
  if (!match?.[1] || !match[2]) return null;
  return { sku: match[1], accountId: Number(match[2]) };
}
