import { hashOpenCart3 } from '@/lib/auth/opencart-password';
import type { OpenCartTables } from '@/lib/db/opencart';
import type { Db } from '@/lib/db/pool';
import { insertRows } from './bulk-insert';
import { formatDateTime } from './calendar';
import type { DemoShop } from './demo-shop';
import { drawOpenCart4PasswordHash } from './opencart-salt';
import { toOpenCart4Address, toOpenCart4Customer } from './opencart4-rows';
import { DEMO_CUSTOMER_PASSWORD, demoCustomerAt, type CustomerPlan } from './people';
import { rngFor } from './prng';
import type { StoreContext } from './store-context';

type CustomerRow = OpenCartTables['customer']['$inferInsert'];
type AddressRow = OpenCartTables['address']['$inferInsert'];

/** Writes a batch of customers, then their addresses, in the shop's own shapes. */
function customerBatchWriter(db: Db, shop: DemoShop, seed: number) {
  if (shop.version === '3.0') {
    return async (customers: CustomerRow[], addresses: AddressRow[]) => {
      await insertRows(db, shop.oc.customer, customers);
      await insertRows(db, shop.oc.address, addresses);
    };
  }
  // Every demo customer has the same password, so one bcrypt hash serves them all: hashing each at
  // OpenCart 4's cost of 10 would take minutes for a few thousand customers.
  const passwordHash = drawOpenCart4PasswordHash(rngFor(seed, 'opencart4-password'), DEMO_CUSTOMER_PASSWORD);
  return async (customers: CustomerRow[], addresses: AddressRow[]) => {
    await insertRows(db, shop.oc4.customer, customers.map((c) => toOpenCart4Customer(c, passwordHash)));
    await insertRows(db, shop.oc4.address, addresses.map(toOpenCart4Address));
  };
}

/**
 * Writes the plan's customers, each with one address that is its default (`customer.address_id` on 3.0,
 * `address.default` on 4.0), `batchSize` per multi-row insert. Customers go in before their addresses:
 * `--replace` finds addresses through their demo customer, so a crash between the two leaves nothing it
 * cannot find.
 */
export async function writeDemoCustomers(args: {
  db: Db;
  shop: DemoShop;
  ctx: StoreContext;
  plan: CustomerPlan;
  batchSize: number;
  onBatch: (written: number) => void;
}): Promise<number> {
  const { ctx, plan } = args;
  const writeBatch = customerBatchWriter(args.db, args.shop, plan.seed);
  for (let from = 0; from < plan.count; from += args.batchSize) {
    const customers: CustomerRow[] = [];
    const addresses: AddressRow[] = [];
    for (let index = from; index < Math.min(plan.count, from + args.batchSize); index += 1) {
      const c = demoCustomerAt(plan, index);
      addresses.push({
        addressId: c.addressId,
        customerId: c.customerId,
        firstname: c.firstname,
        lastname: c.lastname,
        company: '',
        address1: c.address.address1,
        address2: c.address.address2,
        city: c.address.city,
        postcode: c.address.postcode,
        countryId: c.address.countryId,
        zoneId: c.address.zoneId,
        customField: '',
      });
      customers.push({
        customerId: c.customerId,
        customerGroupId: ctx.customerGroupId,
        storeId: ctx.storeId,
        languageId: ctx.languageId,
        firstname: c.firstname,
        lastname: c.lastname,
        email: c.email,
        telephone: c.telephone,
        fax: '',
        password: hashOpenCart3(DEMO_CUSTOMER_PASSWORD, c.salt),
        salt: c.salt,
        cart: null,
        wishlist: null,
        newsletter: c.newsletter ? 1 : 0,
        addressId: c.addressId,
        customField: '',
        ip: c.ip,
        status: 1,
        safe: 0,
        token: '',
        code: '',
        dateAdded: formatDateTime(c.registeredAtMs),
      });
    }
    await writeBatch(customers, addresses);
    args.onBatch(from + customers.length);
  }
  return plan.count;
}
