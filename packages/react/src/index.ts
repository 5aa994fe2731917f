/**
 * `@agentstack/react`: a white-label, tier-aware React kit over the AgentStack SDK — a provider
 * (client, theme, messages, entitlements), react-query hooks per resource with typed query keys,
 * and components per domain. Import the stylesheet once: `import '@agentstack/react/styles.css'`.
 * @packageDocumentation
 */

export {
  CreateProductForm,
  type CreateProductFormProps,
} from './components/commerce/CreateProductForm/CreateProductForm';
export {
  InventoryBoard,
  type InventoryBoardProps,
} from './components/commerce/InventoryBoard/InventoryBoard';
export { OrderDetail, type OrderDetailProps } from './components/commerce/OrderDetail/OrderDetail';
export {
  OrderWorkflowBoard,
  type OrderWorkflowBoardProps,
} from './components/commerce/OrderWorkflowBoard/OrderWorkflowBoard';
export {
  PricingSettings,
  type PricingSettingsProps,
} from './components/commerce/PricingSettings/PricingSettings';
export { ProductEditor, type ProductEditorProps } from './components/commerce/ProductEditor/ProductEditor';
export {
  ProductLimitBanner,
  type ProductLimitBannerProps,
} from './components/commerce/ProductLimitBanner/ProductLimitBanner';
export { ProductTable, type ProductTableProps } from './components/commerce/ProductTable/ProductTable';
export {
  AgencyKeysPanel,
  type AgencyKeysPanelProps,
} from './components/platform/AgencyKeysPanel/AgencyKeysPanel';
export {
  ApiKeysPanel,
  type ApiKeysPanelProps,
} from './components/platform/ApiKeysPanel/ApiKeysPanel';
export { BrandEditor, type BrandEditorProps } from './components/platform/BrandEditor/BrandEditor';
export {
  assignableRoles,
  InviteUserForm,
  type InviteUserFormProps,
  MIN_PASSWORD_LENGTH,
  ROLES,
} from './components/platform/InviteUserForm/InviteUserForm';
export {
  LiveIndicator,
  type LiveIndicatorProps,
} from './components/platform/LiveIndicator/LiveIndicator';
export { PlanBadge, type PlanBadgeProps } from './components/platform/PlanBadge/PlanBadge';
export { PlanCatalog, type PlanCatalogProps } from './components/platform/PlanCatalog/PlanCatalog';
export {
  type TeamAccess,
  TeamTable,
  type TeamTableProps,
  teamAccess,
} from './components/platform/TeamTable/TeamTable';
export { TenantTable, type TenantTableProps } from './components/platform/TenantTable/TenantTable';
export { TierGate, type TierGateProps } from './components/platform/TierGate/TierGate';
export { UpgradePrompt, type UpgradePromptProps } from './components/platform/UpgradePrompt/UpgradePrompt';
export {
  UsageMeter,
  type UsageMeterProps,
  type UsageState,
  usageState,
} from './components/platform/UsageMeter/UsageMeter';
export { UsageOverview, type UsageOverviewProps } from './components/platform/UsageOverview/UsageOverview';
export {
  WebhookEndpoints,
  type WebhookEndpointsProps,
} from './components/platform/WebhookEndpoints/WebhookEndpoints';
// Components
export { ErrorNotice, type ErrorNoticeProps } from './components/shared/ErrorNotice/ErrorNotice';
export { cartKeys, cartQueries } from './hooks/commerce/cartKeys';
// Hooks: commerce
export {
  categoryKeys,
  categoryQueries,
  collectionKeys,
  collectionQueries,
  variantKeys,
  variantQueries,
  vendorKeys,
  vendorQueries,
} from './hooks/commerce/catalogKeys';
export { customerKeys, customerQueries } from './hooks/commerce/customerKeys';
export {
  inventoryLevelKeys,
  inventoryLevelQueries,
  inventoryMovementKeys,
  inventoryMovementQueries,
  reservationKeys,
  reservationQueries,
  stockLocationKeys,
  stockLocationQueries,
} from './hooks/commerce/inventoryKeys';
export { orderKeys, orderQueries } from './hooks/commerce/orderKeys';
export { pricingKeys, pricingQueries } from './hooks/commerce/pricingKeys';
export { productKeys, productQueries } from './hooks/commerce/productKeys';
export { useArchiveProduct } from './hooks/commerce/useArchiveProduct';
export { useBulkArchiveProducts } from './hooks/commerce/useBulkArchiveProducts';
export {
  type AddCartLineVariables,
  type ApplyCartDiscountVariables,
  type CartRef,
  type RemoveCartLineVariables,
  type UpdateCartLineVariables,
  type UpdateCartVariables,
  useAddCartLine,
  useApplyCartDiscount,
  useCart,
  useCartShippingOptions,
  useCarts,
  useCreateCart,
  useRemoveCartDiscount,
  useRemoveCartLine,
  useUpdateCart,
  useUpdateCartLine,
} from './hooks/commerce/useCart';
export {
  type UpdateCategoryVariables,
  useCategories,
  useCategory,
  useCreateCategory,
  useDeleteCategory,
  useUpdateCategory,
} from './hooks/commerce/useCategories';
export {
  type UpdateCollectionVariables,
  useCollection,
  useCollections,
  useCreateCollection,
  useDeleteCollection,
  useUpdateCollection,
} from './hooks/commerce/useCollections';
export { useCreateProduct } from './hooks/commerce/useCreateProduct';
export {
  type UpdateCustomerAddressVariables,
  useCreateCustomerAddress,
  useCurrentCustomer,
  useCustomerAddresses,
  useCustomerOrder,
  useCustomerOrders,
  useCustomerSignIn,
  useCustomerSignOut,
  useCustomerSignUp,
  useCustomerVerify,
  useDeleteCustomerAddress,
  useUpdateCurrentCustomer,
  useUpdateCustomerAddress,
} from './hooks/commerce/useCustomerAccount';
export {
  type UpdateCustomerVariables,
  useCustomer,
  useCustomers,
  useUpdateCustomer,
} from './hooks/commerce/useCustomers';
export {
  type UpdateInventoryLevelVariables,
  useAdjustInventory,
  useCreateStockLocation,
  useInventoryLevels,
  useInventoryMovements,
  useStockLocations,
  useUpdateInventoryLevel,
} from './hooks/commerce/useInventory';
export {
  type OrderActionBodies,
  type OrderActionName,
  type OrderActionVariables,
  useOrder,
  useOrderAction,
  useOrders,
} from './hooks/commerce/useOrders';
export {
  orderWorkflowKey,
  orderWorkflowQuery,
  useOrderWorkflow,
  useUpdateOrderWorkflow,
} from './hooks/commerce/useOrderWorkflow';
export {
  type DeletedPricingObject,
  type UpdateDiscountCodeVariables,
  type UpdatePricingVariables,
  type UpdateRegionVariables,
  type UpdateShippingOptionVariables,
  useCreateDiscountCode,
  useCreateRegion,
  useCreateShippingOption,
  useDeleteDiscountCode,
  useDeleteRegion,
  useDeleteShippingOption,
  useDiscountCode,
  useDiscountCodes,
  useRegion,
  useRegions,
  useShippingOption,
  useShippingOptions,
  useUpdateDiscountCode,
  useUpdateRegion,
  useUpdateShippingOption,
} from './hooks/commerce/usePricing';
export { useProduct } from './hooks/commerce/useProduct';
export { type UseProductsOptions, useProducts } from './hooks/commerce/useProducts';
export { useUnarchiveProduct } from './hooks/commerce/useUnarchiveProduct';
export { type UpdateProductVariables, useUpdateProduct } from './hooks/commerce/useUpdateProduct';
export {
  type CreateVariantVariables,
  type DeleteVariantVariables,
  type UpdateVariantVariables,
  useCreateVariant,
  useDeleteVariant,
  useUpdateVariant,
  useVariants,
} from './hooks/commerce/useVariants';
export {
  type UpdateVendorVariables,
  useCreateVendor,
  useDeleteVendor,
  useUpdateVendor,
  useVendor,
  useVendors,
} from './hooks/commerce/useVendors';
export {
  checkEntitlement,
  type EntitlementCheck,
  type EntitlementState,
} from './hooks/platform/checkEntitlement';
// Hooks: platform
export {
  type AgencyKeyListParams,
  platformKeys,
  platformQueries,
  type TenantApiKeyListParams,
  type UserListParams,
} from './hooks/platform/platformKeys';
export { useAcceptInvitation } from './hooks/platform/useAcceptInvitation';
export { useAgencies } from './hooks/platform/useAgencies';
export { useAgency } from './hooks/platform/useAgency';
export { useAgencyKeys } from './hooks/platform/useAgencyKeys';
export { type UseApiKeysOptions, useApiKeys } from './hooks/platform/useApiKeys';
export { useBrand } from './hooks/platform/useBrand';
export { type CreateAgencyKeyVariables, useCreateAgencyKey } from './hooks/platform/useCreateAgencyKey';
export { useCreateApiKey } from './hooks/platform/useCreateApiKey';
export { useCreateInvitation } from './hooks/platform/useCreateInvitation';
export { useCreateTenant } from './hooks/platform/useCreateTenant';
export {
  type CreateTenantApiKeyVariables,
  useCreateTenantApiKey,
} from './hooks/platform/useCreateTenantApiKey';
export { useCreateUser } from './hooks/platform/useCreateUser';
export { useDeleteUser } from './hooks/platform/useDeleteUser';
export { useEntitlement } from './hooks/platform/useEntitlement';
export { useEntitlements } from './hooks/platform/useEntitlements';
export { useInvitations } from './hooks/platform/useInvitations';
export { useMe } from './hooks/platform/useMe';
export { usePlans } from './hooks/platform/usePlans';
export { type RevokeAgencyKeyVariables, useRevokeAgencyKey } from './hooks/platform/useRevokeAgencyKey';
export { useRevokeApiKey } from './hooks/platform/useRevokeApiKey';
export { useRevokeInvitation } from './hooks/platform/useRevokeInvitation';
export {
  type RevokeTenantApiKeyVariables,
  useRevokeTenantApiKey,
} from './hooks/platform/useRevokeTenantApiKey';
export { useTenant } from './hooks/platform/useTenant';
export { useTenantApiKeys } from './hooks/platform/useTenantApiKeys';
export { type UseTenantsOptions, useTenants } from './hooks/platform/useTenants';
export { type UpdateAgencyVariables, useUpdateAgency } from './hooks/platform/useUpdateAgency';
export { type UpdateTenantVariables, useUpdateTenant } from './hooks/platform/useUpdateTenant';
export { type UpdateUserVariables, useUpdateUser } from './hooks/platform/useUpdateUser';
export { useUser } from './hooks/platform/useUser';
export { type UseUsersOptions, useUsers } from './hooks/platform/useUsers';
export {
  useCreateWebhookEndpoint,
  useDeleteWebhookEndpoint,
  useReplayWebhookDeliveries,
  useReplayWebhookDelivery,
  useRotateWebhookSecret,
  useSendWebhookTest,
  useUpdateWebhookEndpoint,
  useWebhookDeliveries,
  useWebhookEndpoints,
} from './hooks/platform/useWebhookEndpoints';
export { type WebhookDeliveryPageParams, webhookKeys, webhookQueries } from './hooks/platform/webhookKeys';
// Hooks: realtime
export { type RealtimeState, type UseRealtimeOptions, useRealtime } from './hooks/realtime/useRealtime';
export type { DataKey } from './hooks/shared/dataKey';
export {
  createTranslator,
  defaultMessages,
  type MessageDictionary,
  type MessageKey,
  type Messages,
  type MessageVars,
  type Translate,
} from './messages/messages';
export { interpolate } from './messages/translate';
// Provider, context, theme, messages
export {
  type AgentStackLocale,
  AgentStackProvider,
  type AgentStackProviderProps,
  createAgentStackQueryClient,
} from './provider/AgentStackProvider';
export {
  type AgentStackContextValue,
  type CommonMessageKey,
  type LocalizedMessages,
  useAgentStack,
  useAgentStackClient,
  useMessages,
  useTheme,
} from './provider/context';
export {
  type AgentStackTheme,
  cssVariableName,
  darkThemeVariables,
  lightThemeVariables,
  readableForeground,
  type ThemeVariables,
  themeFromBrand,
  themeToCssVariables,
} from './theme/theme';
export { cardBrandName, currencyDigits, formatMoney, formatNumber, parseMoneyInput } from './utils/format';
export { type ScrollEdges, useScrollEdges } from './utils/useScrollEdges';
