import type { WebhookRequest } from '../adapter';

/** The package status routes, by the last word of their path. */
export const PACKAGE_STATUS_ROUTES = ['unpack', 'intransit', 'deliver', 'undeliver'] as const;
export type PackageStatusRoute = (typeof PACKAGE_STATUS_ROUTES)[number];

export type HepsiburadaRoute =
  | { kind: 'create-order' }
  | { kind: 'create-packages' }
  | { kind: 'line-cancel'; lineItemId: string }
  | { kind: 'package-status'; route: PackageStatusRoute; packageNumber: string }
  | { kind: 'shipping-address'; orderNumber: string };

function isPackageStatusRoute(segment: string): segment is PackageStatusRoute {
  return (PACKAGE_STATUS_ROUTES as readonly string[]).includes(segment);
}

/**
 * [doc] Hepsiburada calls fixed routes under the base URL the merchant registered by ticket:
 * POST /orders, POST /packages, and PUT /lineitems/{id}/cancel, /packages/{n}/{unpack|intransit|
 * deliver|undeliver}, /orders/{n}/shippingaddress. Route words are matched without case.
 */
export function findHepsiburadaRoute({ method, pathTail }: Pick<WebhookRequest, 'method' | 'pathTail'>): HepsiburadaRoute | undefined {
  const segments = pathTail.filter((segment) => segment !== '');
  const [first = '', param = '', action = ''] = segments;
  const resource = first.toLowerCase();
  const verb = action.toLowerCase();

  if (method === 'POST' && segments.length === 1) {
    if (resource === 'orders') return { kind: 'create-order' };
    if (resource === 'packages') return { kind: 'create-packages' };
  }
  if (method === 'PUT' && segments.length === 3 && param !== '') {
    if (resource === 'lineitems' && verb === 'cancel') return { kind: 'line-cancel', lineItemId: param };
    if (resource === 'packages' && isPackageStatusRoute(verb)) return { kind: 'package-status', route: verb, packageNumber: param };
    if (resource === 'orders' && verb === 'shippingaddress') return { kind: 'shipping-address', orderNumber: param };
  }
  return undefined;
}
