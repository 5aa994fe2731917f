/**
 * `@agentstack/sdk`: the typed client of the AgentStack API. Schemas are in
 * `@agentstack/sdk/schemas`, the plan catalogue and demo data in `@agentstack/sdk/catalog`, msw
 * mocks in `@agentstack/sdk/mocks`. This entry imports schemas as types only, so it carries no zod.
 * @packageDocumentation
 */

export type { Commerce, Platform } from './client';
export {
  AgentStack,
  type AgentStackOptions,
  API_VERSION,
  DEFAULT_BASE_URL,
  type HttpMethod,
  type QueryParams,
  type RequestOptions,
} from './client';
export type { ServerSentEvent } from './contract/operation';
export {
  AgentStackError,
  type AgentStackErrorKind,
  APIError,
  AuthenticationError,
  ConflictError,
  ConnectionError,
  errorFromResponse,
  IdempotencyError,
  isAgentStackError,
  isAPIError,
  isAuthenticationError,
  isConflictError,
  isConnectionError,
  isIdempotencyError,
  isNotFoundError,
  isPermissionError,
  isPlanLimitError,
  isRateLimitError,
  isTimeoutError,
  isValidationError,
  NotFoundError,
  PermissionError,
  PlanLimitError,
  type ProblemDetails,
  parseRateLimit,
  parseRetryAfter,
  RateLimitError,
  type RateLimitInfo,
  TimeoutError,
  ValidationError,
} from './errors';
export { type Page, type PageParams, PagePromise } from './pagination';
export type { Realtime, RealtimeGap, RealtimeStatus, SubscribeOptions } from './realtime';
export type { DomainOf, MethodOf, ResourceOf } from './resource';
export type {
  Agencies,
  ApiKeys,
  BrandResource,
  Customers,
  EntitlementsResource,
  Me,
  Plans,
  ProductCategories,
  ProductCollections,
  Products,
  ProductVariants,
  Sessions,
  Tenants,
  Users,
  Vendors,
  WebhookEndpoints,
} from './resources';
export type { Address } from './schemas/commerce/address';
export type {
  Cart,
  CartCreate,
  CartLine,
  CartLineCreate,
  CartLineUpdate,
  CartList,
  CartListParams,
  CartUpdate,
  CartWithToken,
} from './schemas/commerce/cart';
export type {
  ProductCategory,
  ProductCategoryCreate,
  ProductCategoryListParams,
  ProductCategoryUpdate,
} from './schemas/commerce/category';
export type {
  ProductCollection,
  ProductCollectionCreate,
  ProductCollectionListParams,
  ProductCollectionUpdate,
} from './schemas/commerce/collection';
export type {
  Customer,
  CustomerAddress,
  CustomerAddressCreate,
  CustomerAddressListParams,
  CustomerAddressUpdate,
  CustomerListParams,
  CustomerOrderListParams,
  CustomerSelfUpdate,
  CustomerSession,
  CustomerSignIn,
  CustomerSignUp,
  CustomerSignUpResult,
  CustomerUpdate,
} from './schemas/commerce/customer';
export type {
  InventoryAdjust,
  InventoryLevel,
  InventoryLevelListParams,
  InventoryLevelUpdate,
  InventoryMovement,
  InventoryMovementListParams,
  MovementReason,
  Reservation,
  ReservationCreate,
  ReservationListParams,
  StockLocation,
  StockLocationCreate,
  StockLocationListParams,
  StockLocationUpdate,
} from './schemas/commerce/inventory';
export type {
  CheckoutConfirm,
  CheckoutCreate,
  CheckoutPayment,
  Fulfillment,
  FulfillmentStatus,
  Order,
  OrderAction,
  OrderActionNote,
  OrderCreate,
  OrderItem,
  OrderItemQuantity,
  OrderListParams,
  OrderPaymentStatus,
  OrderRefund,
  OrderReturn,
  OrderShip,
  OrderStatus,
  OrderTimelineEntry,
  OrderTransition,
  Payment,
  PaymentCard,
  PaymentNextAction,
  Refund,
} from './schemas/commerce/order';
export type {
  OrderWorkflow,
  OrderWorkflowStep,
  OrderWorkflowUpdate,
} from './schemas/commerce/orderWorkflow';
export type {
  CartDiscountApply,
  CartShippingOption,
  CartShippingOptionList,
  DiscountCode,
  DiscountCodeCreate,
  DiscountCodeListParams,
  DiscountCodeUpdate,
  Region,
  RegionCreate,
  RegionListParams,
  RegionUpdate,
  ShippingOption,
  ShippingOptionCreate,
  ShippingOptionListParams,
  ShippingOptionUpdate,
} from './schemas/commerce/pricing';
// Types of every request and response, inferred from the zod schemas (types only: no zod at run time).
export type {
  Product,
  ProductBulkArchive,
  ProductCreate,
  ProductListParams,
  ProductMedia,
  ProductMediaInput,
  ProductOption,
  ProductOrder,
  ProductStatus,
  ProductUpdate,
} from './schemas/commerce/product';
export type {
  DeletedProductVariant,
  ProductVariant,
  ProductVariantCreate,
  ProductVariantUpdate,
} from './schemas/commerce/variant';
export type { Vendor, VendorCreate, VendorListParams, VendorUpdate } from './schemas/commerce/vendor';
export type {
  ErrorCode,
  ListParams,
  ListResponse,
  Metadata,
  Money,
  Problem,
  Upgrade,
} from './schemas/common';
export type {
  Agency,
  AgencyCreate,
  AgencyKey,
  AgencyKeyCreate,
  AgencyKeyWithSecret,
  AgencyUpdate,
  Brand,
} from './schemas/platform/agency';
export type { ApiKey, ApiKeyCreate, ApiKeyType, ApiKeyWithSecret } from './schemas/platform/apiKey';
export type { Entitlements, LimitUsage, Plan, Principal } from './schemas/platform/entitlements';
export type {
  Invitation,
  InvitationAccept,
  InvitationCreate,
  InvitationWithToken,
} from './schemas/platform/invitation';
export type { Subscription, Tenant, TenantCreate, TenantUpdate } from './schemas/platform/tenant';
export type {
  DeletedUser,
  RevokedSession,
  Role,
  Session,
  SessionCreate,
  User,
  UserCreate,
  UserListParams,
  UserOrder,
  UserUpdate,
} from './schemas/platform/user';
export type {
  DeletedWebhookEndpoint,
  WebhookAttempt,
  WebhookDelivery,
  WebhookDeliveryListParams,
  WebhookDeliveryStatus,
  WebhookEndpoint,
  WebhookEndpointCreate,
  WebhookEndpointStatus,
  WebhookEndpointUpdate,
  WebhookEndpointWithSecret,
  WebhookReplay,
  WebhookReplayResult,
  WebhookSecretRotate,
} from './schemas/platform/webhookEndpoint';
export type {
  RealtimeEvent,
  RealtimeEventType,
  RealtimeResourceTopic,
  RealtimeToken,
  RealtimeTopic,
} from './schemas/realtime/event';
export {
  DEFAULT_WEBHOOK_TOLERANCE_SECONDS,
  signWebhook,
  type VerifyWebhookOptions,
  verifyWebhook,
  WEBHOOK_EVENT_ID_HEADER,
  WEBHOOK_EVENT_TYPE_HEADER,
  WEBHOOK_SIGNATURE_HEADER,
  type WebhookEvent,
  Webhooks,
  WebhookVerificationError,
} from './webhooks';
