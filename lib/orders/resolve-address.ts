import { and, eq, or, sql } from 'drizzle-orm';
import { openCart4Tables } from '@/lib/db/opencart';
import type { CanonicalAddress } from '@/lib/webhooks/canonical-events';
import type { ShopOrderContext } from './shop-order-context';
import { toOpenCartText } from './opencart-text';

/** An address as `oc_order` holds it (payment_* or shipping_*), text already escaped for OpenCart. */
export type OrderAddress = {
  firstname: string;
  lastname: string;
  company: string;
  address1: string;
  address2: string;
  city: string;
  postcode: string;
  country: string;
  countryId: number;
  zone: string;
  zoneId: number;
  addressFormat: string;
};

type Place = { countryId: number; country: string; addressFormat: string; zoneId: number; zone: string };

/** Lookups of one batch, so a thousand orders from one city cost one query. */
export type PlaceCache = Map<string, Promise<Place>>;

/**
 * Country by ISO code and zone by name (or code) within it, as OpenCart's checkout stores both the ids
 * and the names. The shop's collation (utf8_general_ci) compares case- and accent-insensitively, so
 * `istanbul` finds `İstanbul`. A place the shop does not know keeps its name with id 0: OpenCart shows
 * the name, and an order is never refused for an unknown district.
 */
/** The country and its address format: on the country in 3.0, in oc_address_format in 4.0. */
async function lookUpCountry(ctx: ShopOrderContext, countryCode: string) {
  const { db, oc, tenant } = ctx.tdb;
  if (ctx.opencartVersion === '3.0') {
    const [country] = await db
      .select({ countryId: oc.country.countryId, name: oc.country.name, addressFormat: oc.country.addressFormat })
      .from(oc.country)
      .where(eq(oc.country.isoCode2, countryCode))
      .limit(1);
    return country;
  }
  const { country: c, addressFormat: f } = openCart4Tables(tenant.prefix);
  const [country] = await db
    .select({ countryId: c.countryId, name: c.name, addressFormat: sql<string>`COALESCE(${f.addressFormat}, '')` })
    .from(c)
    .leftJoin(f, eq(f.addressFormatId, c.addressFormatId))
    .where(eq(c.isoCode2, countryCode))
    .limit(1);
  return country;
}

async function lookUpPlace(ctx: ShopOrderContext, countryCode: string, zoneText: string): Promise<Place> {
  const { db, oc } = ctx.tdb;
  const country = await lookUpCountry(ctx, countryCode);
  if (!country) return { countryId: 0, country: countryCode, addressFormat: '', zoneId: 0, zone: zoneText };
  const [zone] =
    zoneText === ''
      ? []
      : await db
          .select({ zoneId: oc.zone.zoneId, name: oc.zone.name })
          .from(oc.zone)
          .where(and(eq(oc.zone.countryId, country.countryId), or(eq(oc.zone.name, zoneText), eq(oc.zone.code, zoneText))))
          .limit(1);
  return {
    countryId: country.countryId,
    country: country.name,
    addressFormat: country.addressFormat,
    zoneId: zone?.zoneId ?? 0,
    zone: zone?.name ?? zoneText,
  };
}

export async function resolveAddress(ctx: ShopOrderContext, cache: PlaceCache, address: CanonicalAddress): Promise<OrderAddress> {
  const text = (value: string, max: number) => toOpenCartText(value, max, ctx.charset);
  const zoneText = text(address.zone, 128);
  const key = `${address.countryCode}\u0000${zoneText}`;
  let place = cache.get(key);
  if (!place) {
    place = lookUpPlace(ctx, address.countryCode, zoneText);
    cache.set(key, place);
    // A failed lookup is not remembered: the next order of the batch asks again.
    place.catch(() => cache.delete(key));
  }
  const found = await place;
  return {
    firstname: text(address.firstname, 32),
    lastname: text(address.lastname, 32),
    company: text(address.company, 40),
    address1: text(address.address1, 128),
    address2: text(address.address2, 128),
    city: text(address.city, 128),
    postcode: text(address.postcode, 10),
    ...found,
  };
}
