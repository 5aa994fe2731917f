import {
  DeletedProductCategory,
  ProductCategory,
  ProductCategoryCreate,
  ProductCategoryList,
  ProductCategoryListParams,
  ProductCategoryUpdate,
} from './commerce/category';
import {
  DeletedProductCollection,
  ProductCollection,
  ProductCollectionCreate,
  ProductCollectionList,
  ProductCollectionListParams,
  ProductCollectionUpdate,
} from './commerce/collection';
import {
  Product,
  ProductBulkArchive,
  ProductCreate,
  ProductList,
  ProductListParams,
  ProductUpdate,
} from './commerce/product';
import {
  DeletedProductVariant,
  ProductVariant,
  ProductVariantCreate,
  ProductVariantList,
  ProductVariantUpdate,
} from './commerce/variant';
import {
  DeletedVendor,
  Vendor,
  VendorCreate,
  VendorList,
  VendorListParams,
  VendorUpdate,
} from './commerce/vendor';
import { ListParams } from './common';
import {
  Agency,
  AgencyCreate,
  AgencyKey,
  AgencyKeyCreate,
  AgencyKeyList,
  AgencyKeyWithSecret,
  AgencyList,
  AgencyUpdate,
  Brand,
} from './platform/agency';
import { ApiKey, ApiKeyCreate, ApiKeyList, ApiKeyWithSecret } from './platform/apiKey';
import { Entitlements, PlanList, Principal } from './platform/entitlements';
import {
  Invitation,
  InvitationAccept,
  InvitationCreate,
  InvitationList,
  InvitationWithToken,
} from './platform/invitation';
import { Tenant, TenantCreate, TenantList, TenantUpdate } from './platform/tenant';
import {
  DeletedUser,
  RevokedSession,
  Session,
  SessionCreate,
  User,
  UserCreate,
  UserList,
  UserListParams,
  UserUpdate,
} from './platform/user';
import {
  DeletedWebhookEndpoint,
  WebhookEndpoint,
  WebhookEndpointCreate,
  WebhookEndpointList,
  WebhookEndpointUpdate,
  WebhookEndpointWithSecret,
  WebhookSecretRotate,
} from './platform/webhookEndpoint';
import { RealtimeEvent, RealtimeStreamParams, RealtimeToken } from './realtime/event';

/**
 * The schemas operations name (`body: 'ProductCreate'`), by their export name. An operation can
 * only name a schema listed here (a type error otherwise), and a test checks each entry is the
 * export of the same name — so naming is never a second, drifting description.
 */
export const schemaRegistry = {
  Agency,
  AgencyCreate,
  AgencyKey,
  AgencyKeyCreate,
  AgencyKeyList,
  AgencyKeyWithSecret,
  AgencyList,
  AgencyUpdate,
  ApiKey,
  ApiKeyCreate,
  ApiKeyList,
  ApiKeyWithSecret,
  Brand,
  DeletedUser,
  Entitlements,
  Invitation,
  InvitationAccept,
  InvitationCreate,
  InvitationList,
  InvitationWithToken,
  ListParams,
  PlanList,
  Principal,
  Product,
  ProductBulkArchive,
  ProductCreate,
  ProductList,
  ProductListParams,
  ProductUpdate,
  RealtimeEvent,
  RealtimeStreamParams,
  RealtimeToken,
  ProductCategory,
  ProductCategoryCreate,
  ProductCategoryList,
  ProductCategoryListParams,
  ProductCategoryUpdate,
  DeletedProductCategory,
  ProductCollection,
  ProductCollectionCreate,
  ProductCollectionList,
  ProductCollectionListParams,
  ProductCollectionUpdate,
  DeletedProductCollection,
  ProductVariant,
  ProductVariantCreate,
  ProductVariantList,
  ProductVariantUpdate,
  DeletedProductVariant,
  Vendor,
  VendorCreate,
  VendorList,
  VendorListParams,
  VendorUpdate,
  DeletedVendor,
  RevokedSession,
  Session,
  SessionCreate,
  Tenant,
  TenantCreate,
  TenantList,
  TenantUpdate,
  User,
  UserCreate,
  UserList,
  UserListParams,
  UserUpdate,
  WebhookEndpoint,
  WebhookEndpointCreate,
  WebhookEndpointList,
  WebhookEndpointUpdate,
  WebhookEndpointWithSecret,
  WebhookSecretRotate,
  DeletedWebhookEndpoint,
} as const;

/** The type of {@link schemaRegistry}. */
export type SchemaRegistry = typeof schemaRegistry;
