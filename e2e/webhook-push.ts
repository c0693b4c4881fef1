import { createHmac, randomUUID } from 'node:crypto';

/** Standard Webhooks: base64 HMAC-SHA256 of "{id}.{timestamp}.{body}", keyed by the bytes after `whsec_`. */
export function signedHeaders(secret: string, body: string) {
  const id = `msg_${randomUUID()}`;
  const timestamp = String(Math.floor(Date.now() / 1000));
  const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
  const signature = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64');
  return { 'content-type': 'application/json', 'webhook-id': id, 'webhook-timestamp': timestamp, 'webhook-signature': `v1,${signature}` };
}

/** A generic `order.created` event: one line of `sku` at `unitPrice`, paid, shipped to Kadıköy. */
export function orderCreated(externalOrderId: string, sku: string, unitPrice = '100.00') {
  const address = {
    firstname: 'Ayşe',
    lastname: 'Yılmaz',
    address1: 'Örnek Sok. No:5 D:3',
    city: 'Kadıköy',
    postcode: '34710',
    countryCode: 'TR',
    zone: 'İstanbul',
  };
  const placedAt = new Date().toISOString();
  return {
    type: 'order.created',
    externalId: `order:${externalOrderId}`,
    occurredAt: placedAt,
    order: {
      externalOrderId,
      status: 'processing',
      marketplaceStatus: 'paid',
      currency: 'USD',
      customer: { firstname: 'Ayşe', lastname: 'Yılmaz', email: 'ayse@example.com', telephone: '+905550000000' },
      shippingAddress: address,
      billingAddress: address,
      lines: [{ externalLineId: '1', sku, name: 'Ürün', quantity: 1, unitPrice, total: unitPrice }],
      shippingTotal: '0',
      total: unitPrice,
      placedAt,
    },
  };
}
