import { hashOpenCart3 } from '@/lib/auth/opencart-password';
import type { OpenCartTables } from '@/lib/db/opencart';
import type { Db } from '@/lib/db/pool';
import { insertRows } from './bulk-insert';
import { formatDateTime } from './calendar';
import { DEMO_CUSTOMER_PASSWORD, demoCustomerAt, type CustomerPlan } from './people';
import type { StoreContext } from './store-context';

type CustomerRow = OpenCartTables['customer']['$inferInsert'];
type AddressRow = OpenCartTables['address']['$inferInsert'];

/**
 * Writes the plan's customers, each with one address that is its default (`customer.address_id`),
 * `batchSize` per multi-row insert. Customers go in before their addresses: `--replace` finds
 * addresses through their demo customer, so a crash between the two leaves nothing it cannot find.
 */
export async function writeDemoCustomers(args: {
  db: Db;
  oc: OpenCartTables;
  ctx: StoreContext;
  plan: CustomerPlan;
  batchSize: number;
  onBatch: (written: number) => void;
}): Promise<number> {
  const { db, oc, ctx, plan } = args;
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
    await insertRows(db, oc.customer, customers);
    await insertRows(db, oc.address, addresses);
    args.onBatch(from + customers.length);
  }
  return plan.count;
}
