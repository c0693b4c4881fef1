import { drawOpenCart3Salt } from './opencart-salt';
import { createWeightedPicker, rngFor, type Rng } from './prng';
import {
  CITIES, FEMALE_FIRST_NAMES, LAST_NAMES, MALE_FIRST_NAMES, MOBILE_PREFIXES, NEIGHBOURHOODS, STREET_KINDS, STREETS,
  foldToAscii,
} from './turkish-names';

/**
 * Every demo e-mail ends in this reserved domain (RFC 2606 `.example`): no real inbox gets mail from
 * the demo shop, and `--replace` finds the demo's customers and orders by it.
 */
export const DEMO_EMAIL_DOMAIN = 'demo.meschain.example';
/** Every demo customer can log in to the shop with this password. */
export const DEMO_CUSTOMER_PASSWORD = 'demo1234';
/** Registrations bunch towards the start of the period: time fraction = rank fraction ^ this. */
const REGISTRATION_SKEW = 1.25;
/** Keeps float rounding from counting a customer registered a moment after the order as eligible. */
const ELIGIBILITY_EPSILON = 1e-9;
const NEWSLETTER_SHARE = 0.3;
/** RFC 5737 documentation networks: addresses that belong to nobody. */
const DOCUMENTATION_NETWORKS = ['192.0.2', '198.51.100', '203.0.113'] as const;

/** Where demo addresses live: Turkey and its provinces when the shop's country table has them. */
export type DemoRegion = {
  countryId: number;
  countryName: string;
  addressFormat: string;
  zoneIdByName: ReadonlyMap<string, number>;
  cities: ReadonlyArray<(typeof CITIES)[number]>;
  pickCity: (rng: Rng) => number;
};

/**
 * Addresses use only the cities the shop has a zone for (OpenCart's address form requires a zone),
 * or every city with zone 0 when Turkey or its zones are missing.
 */
export function createDemoRegion(
  country: { countryId: number; name: string; addressFormat: string } | undefined,
  zones: ReadonlyArray<{ zoneId: number; name: string }>,
): DemoRegion {
  const zoneIdByName = new Map(zones.map((z) => [z.name, z.zoneId]));
  const zoned = CITIES.filter((c) => zoneIdByName.has(c.name));
  const cities = zoned.length > 0 ? zoned : CITIES;
  return {
    countryId: country?.countryId ?? 0,
    countryName: country?.name ?? '',
    addressFormat: country?.addressFormat ?? '',
    zoneIdByName,
    cities,
    pickCity: createWeightedPicker(cities.map((c) => c.weight)),
  };
}

export type DemoAddress = {
  address1: string;
  address2: string;
  city: string;
  postcode: string;
  countryId: number;
  country: string;
  zoneId: number;
  zone: string;
  addressFormat: string;
};

export type DemoPerson = {
  firstname: string;
  lastname: string;
  telephone: string;
  ip: string;
  address: DemoAddress;
};

export type DemoCustomer = DemoPerson & {
  index: number;
  customerId: number;
  addressId: number;
  email: string;
  /** OpenCart 3 salt; the hash of DEMO_CUSTOMER_PASSWORD is computed where the row is written. */
  salt: string;
  newsletter: boolean;
  registeredAtMs: number;
};

export type CustomerPlan = {
  seed: number;
  count: number;
  firstCustomerId: number;
  firstAddressId: number;
  startMs: number;
  endMs: number;
  region: DemoRegion;
};

function drawAddress(rng: Rng, region: DemoRegion): DemoAddress {
  const city = region.cities[region.pickCity(rng)]!;
  const street = `${rng.pick(STREETS)} ${rng.pick(STREET_KINDS)}`;
  const zoneId = region.zoneIdByName.get(city.name) ?? 0;
  return {
    address1: `${rng.pick(NEIGHBOURHOODS)} Mah. ${street} No: ${rng.int(1, 180)}`,
    address2: rng.chance(0.6) ? `Daire ${rng.int(1, 24)}` : '',
    city: city.name,
    postcode: `${String(city.plate).padStart(2, '0')}${String(rng.int(0, 999)).padStart(3, '0')}`,
    countryId: region.countryId,
    country: region.countryName,
    zoneId,
    zone: zoneId ? city.name : '',
    addressFormat: region.addressFormat,
  };
}

/** A Turkish name, mobile number, IP and address drawn from `rng`. */
export function drawPerson(rng: Rng, region: DemoRegion): DemoPerson {
  const firstname = rng.chance(0.5) ? rng.pick(FEMALE_FIRST_NAMES) : rng.pick(MALE_FIRST_NAMES);
  const lastname = rng.pick(LAST_NAMES);
  const telephone = `0${rng.pick(MOBILE_PREFIXES)} ${rng.int(100, 999)} ${rng.int(10, 99)} ${rng.int(10, 99)}`;
  const ip = `${rng.pick(DOCUMENTATION_NETWORKS)}.${rng.int(1, 254)}`;
  return { firstname, lastname, telephone, ip, address: drawAddress(rng, region) };
}

/**
 * Unique by construction: the local part ends in the customer's number and its letters hold no digit,
 * so two customers never share an e-mail however their names collide.
 */
function customerEmail(rng: Rng, person: DemoPerson, number: number): string {
  const first = foldToAscii(person.firstname);
  const last = foldToAscii(person.lastname);
  const local = rng.pick([`${first}.${last}`, `${first}${last}`, `${first.slice(0, 1)}${last}`]);
  return `${local}${number}@${DEMO_EMAIL_DOMAIN}`;
}

/** A guest's e-mail: a dot before the order number keeps it apart from every customer's. */
export function guestEmail(person: DemoPerson, orderId: number): string {
  return `${foldToAscii(person.firstname)}${foldToAscii(person.lastname)}.${orderId}@${DEMO_EMAIL_DOMAIN}`;
}

/**
 * Customer `index` of the plan, computed from the seed alone, so the order stream can look a
 * customer up again without holding every customer in memory. Ids and registration times rise
 * together with the index.
 */
export function demoCustomerAt(plan: CustomerPlan, index: number): DemoCustomer {
  const rng = rngFor(plan.seed, 'customer', index);
  const rankFraction = (index + rng.next()) / plan.count;
  const registeredAtMs = Math.floor(
    (plan.startMs + rankFraction ** REGISTRATION_SKEW * (plan.endMs - plan.startMs)) / 1000,
  ) * 1000;
  const person = drawPerson(rng, plan.region);
  return {
    ...person,
    index,
    customerId: plan.firstCustomerId + index,
    addressId: plan.firstAddressId + index,
    email: customerEmail(rng, person, index + 1),
    salt: drawOpenCart3Salt(rng),
    newsletter: rng.chance(NEWSLETTER_SHARE),
    registeredAtMs,
  };
}

/** How many customers (the lowest indexes) had registered by `atMs`. */
export function customersRegisteredBy(plan: CustomerPlan, atMs: number): number {
  const timeFraction = (atMs - plan.startMs) / (plan.endMs - plan.startMs);
  if (timeFraction <= 0) return 0;
  if (timeFraction >= 1) return plan.count;
  const rankFraction = timeFraction ** (1 / REGISTRATION_SKEW) - ELIGIBILITY_EPSILON;
  return Math.max(0, Math.min(plan.count, Math.floor(plan.count * rankFraction)));
}
