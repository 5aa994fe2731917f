import type { categoryOperations } from './contract/commerce/categories';
import type { collectionOperations } from './contract/commerce/collections';
import type { customerOperations } from './contract/commerce/customers';
import type { productOperations } from './contract/commerce/products';
import type { variantOperations } from './contract/commerce/variants';
import type { vendorOperations } from './contract/commerce/vendors';
import type {
  brandOperations,
  entitlementOperations,
  meOperations,
  planOperations,
} from './contract/platform/account';
import type { agencyOperations } from './contract/platform/agencies';
import type { apiKeyOperations } from './contract/platform/apiKeys';
import type { sessionOperations } from './contract/platform/sessions';
import type { tenantOperations } from './contract/platform/tenants';
import type { userOperations } from './contract/platform/users';
import type { webhookEndpointOperations } from './contract/platform/webhookEndpoints';
import type { ResourceOf } from './resource';

/** `client.commerce.products`. */
export type Products = ResourceOf<typeof productOperations>;
/** `client.commerce.variants`. */
export type ProductVariants = ResourceOf<typeof variantOperations>;
/** `client.commerce.categories`. */
export type ProductCategories = ResourceOf<typeof categoryOperations>;
/** `client.commerce.collections`. */
export type ProductCollections = ResourceOf<typeof collectionOperations>;
/** `client.commerce.customers`. */
export type Customers = ResourceOf<typeof customerOperations>;
/** `client.commerce.vendors`. */
export type Vendors = ResourceOf<typeof vendorOperations>;
/** `client.platform.me`. */
export type Me = ResourceOf<typeof meOperations>;
/** `client.platform.entitlements`. */
export type EntitlementsResource = ResourceOf<typeof entitlementOperations>;
/** `client.platform.brand`. */
export type BrandResource = ResourceOf<typeof brandOperations>;
/** `client.platform.plans`. */
export type Plans = ResourceOf<typeof planOperations>;
/** `client.platform.tenants`. */
export type Tenants = ResourceOf<typeof tenantOperations>;
/** `client.platform.agencies`. */
export type Agencies = ResourceOf<typeof agencyOperations>;
/** `client.platform.apiKeys`. */
export type ApiKeys = ResourceOf<typeof apiKeyOperations>;
/** `client.platform.users`. */
export type Users = ResourceOf<typeof userOperations>;
/** `client.platform.webhookEndpoints`. */
export type WebhookEndpoints = ResourceOf<typeof webhookEndpointOperations>;
/** `client.platform.sessions`. */
export type Sessions = ResourceOf<typeof sessionOperations>;
