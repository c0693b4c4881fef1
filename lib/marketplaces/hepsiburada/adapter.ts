import type { z } from 'zod';
import type { MarketplaceAdapter, ParseResult, WebhookRequest } from '../adapter';
import { checkCanonicalEvents } from '../shared/checked-events';
import { mapHepsiburadaPackage } from './map-package';
import { mapHepsiburadaPackageStatus } from './map-package-status';
import { findHepsiburadaRoute, type PackageStatusRoute } from './routes';
import {
  hepsiburadaCreateOrderSchema,
  hepsiburadaDeliverSchema,
  hepsiburadaInTransitSchema,
  hepsiburadaLineCancelSchema,
  hepsiburadaPackageSchema,
  hepsiburadaShippingAddressSchema,
  hepsiburadaUndeliverSchema,
  hepsiburadaUnpackSchema,
} from './schema';

type PackageStatusBody = { packageNumber?: string | null; happenedAt: string };

const PACKAGE_STATUS_BODIES = {
  intransit: hepsiburadaInTransitSchema.transform((body) => ({ packageNumber: body.packageNumber, happenedAt: body.shippedDate })),
  deliver: hepsiburadaDeliverSchema.transform((body) => ({ packageNumber: body.packageNumber, happenedAt: body.receivedDate })),
  undeliver: hepsiburadaUndeliverSchema.transform((body) => ({ packageNumber: body.packageNumber, happenedAt: body.undeliveredDate })),
  unpack: hepsiburadaUnpackSchema.transform((body) => ({ packageNumber: body.packageNumber, happenedAt: body.unpackedDate })),
} satisfies Record<PackageStatusRoute, z.ZodType<PackageStatusBody>>;

/** Accepted, and nothing to import. */
const NO_EVENTS: ParseResult = { ok: true, events: [] };

/** A body that names another package, line or order than its URL is refused rather than guessed at (GUIDs ignore case). */
function differentFromPath(bodyValue: string | null | undefined, pathValue: string, field: string): ParseResult | undefined {
  if (bodyValue === null || bodyValue === undefined || bodyValue.toLowerCase() === pathValue.toLowerCase()) return undefined;
  return {
    ok: false,
    issues: [{ code: 'custom', path: [field], message: `${field} differs from the one in the URL` }],
  };
}

function parseHepsiburadaPush(body: unknown, request: WebhookRequest): ParseResult {
  const route = findHepsiburadaRoute(request);
  if (!route) {
    const message = `no Hepsiburada webhook is ${request.method} to this path (docs/webhooks.md lists the routes)`;
    return { ok: false, issues: [{ code: 'custom', path: [], message }] };
  }

  switch (route.kind) {
    // The order is imported from its package (see map-package.ts): an order push is checked and acknowledged.
    case 'create-order': {
      const orders = hepsiburadaCreateOrderSchema.safeParse(body);
      return orders.success ? NO_EVENTS : { ok: false, issues: orders.error.issues };
    }
    case 'create-packages': {
      const pkg = hepsiburadaPackageSchema.safeParse(body);
      return pkg.success ? checkCanonicalEvents(mapHepsiburadaPackage(pkg.data)) : { ok: false, issues: pkg.error.issues };
    }
    case 'package-status': {
      const status = PACKAGE_STATUS_BODIES[route.route].safeParse(body);
      if (!status.success) return { ok: false, issues: status.error.issues };
      return (
        differentFromPath(status.data.packageNumber, route.packageNumber, 'packageNumber') ??
        checkCanonicalEvents([mapHepsiburadaPackageStatus(route.route, route.packageNumber, status.data.happenedAt)])
      );
    }
    // A cancel names a line and its order but no package [doc], and a canonical status is per order.
    // Before packing there is no OpenCart order yet; a packed line's package is unpacked and the rest
    // repacked [inferred], which the unpack and packages routes report.
    case 'line-cancel': {
      const cancel = hepsiburadaLineCancelSchema.safeParse(body);
      if (!cancel.success) return { ok: false, issues: cancel.error.issues };
      return differentFromPath(cancel.data.id, route.lineItemId, 'id') ?? NO_EVENTS;
    }
    // No canonical event changes an address. A change before packing reaches us in the package.
    case 'shipping-address': {
      const address = hepsiburadaShippingAddressSchema.safeParse(body);
      if (!address.success) return { ok: false, issues: address.error.issues };
      return differentFromPath(address.data.orderNumber, route.orderNumber, 'orderNumber') ?? NO_EVENTS;
    }
  }
}

/**
 * Hepsiburada calls fixed routes under the base URL the merchant gave by support ticket, with HTTP
 * Basic credentials the merchant chose [doc]; it sends no signature and no event id.
 */
export const hepsiburadaAdapter: MarketplaceAdapter = {
  marketplace: 'hepsiburada',
  authTypes: ['basic'],
  parse: parseHepsiburadaPush,
};
