import { createProductFormMessages } from '../components/commerce/CreateProductForm/messages';
import { inventoryBoardMessages } from '../components/commerce/InventoryBoard/messages';
import { orderDetailMessages } from '../components/commerce/OrderDetail/messages';
import { orderWorkflowBoardMessages } from '../components/commerce/OrderWorkflowBoard/messages';
import { orderActionMessages } from '../components/commerce/orderActions/messages';
import { pricingSettingsMessages } from '../components/commerce/PricingSettings/messages';
import { productEditorMessages } from '../components/commerce/ProductEditor/messages';
import { productTableMessages } from '../components/commerce/ProductTable/messages';
import { agencyKeysPanelMessages } from '../components/platform/AgencyKeysPanel/messages';
import { apiKeysPanelMessages } from '../components/platform/ApiKeysPanel/messages';
import { brandEditorMessages } from '../components/platform/BrandEditor/messages';
import { inviteUserFormMessages } from '../components/platform/InviteUserForm/messages';
import { liveIndicatorMessages } from '../components/platform/LiveIndicator/messages';
import { planBadgeMessages } from '../components/platform/PlanBadge/messages';
import { planCatalogMessages } from '../components/platform/PlanCatalog/messages';
import { teamTableMessages } from '../components/platform/TeamTable/messages';
import { tenantTableMessages } from '../components/platform/TenantTable/messages';
import { upgradePromptMessages } from '../components/platform/UpgradePrompt/messages';
import { usageMeterMessages } from '../components/platform/UsageMeter/messages';
import { usageOverviewMessages } from '../components/platform/UsageOverview/messages';
import { webhookEndpointsMessages } from '../components/platform/WebhookEndpoints/messages';
import { catalogueMessages } from './catalogue';
import { commonMessages } from './common';
import { productStatusMessages } from './productStatus';
import { roleMessages } from './roles';
import { translator } from './translate';

/**
 * The whole message catalogue: every string any component shows, merged from the messages kept
 * beside each component (`components/<domain>/<Component>/messages.ts`) and the shared ones in
 * this folder. Placeholders are `{{name}}`; override any message through the provider's
 * `locale.messages`. Nothing here names the vendor: a product or brand name only appears when
 * the theme or the caller passes one.
 *
 * Components do not read this object: each resolves its keys from the caller's overrides, then
 * its own defaults (see `useMessages`), so an app bundles only the strings of the components it
 * imports. Import it to list or translate the full catalogue, e.g. `useMessages(defaultMessages)`.
 */
// A pure call, so bundlers drop the catalogue from bundles that never read it (a spread alone
// might run getters, so it would be kept).
export const defaultMessages = /* @__PURE__ */ (() => ({
  ...commonMessages,
  ...upgradePromptMessages,
  ...planBadgeMessages,
  ...planCatalogMessages,
  ...usageOverviewMessages,
  ...tenantTableMessages,
  ...roleMessages,
  ...productStatusMessages,
  ...brandEditorMessages,
  ...usageMeterMessages,
  ...catalogueMessages,
  ...productTableMessages,
  ...createProductFormMessages,
  ...productEditorMessages,
  ...inventoryBoardMessages,
  ...orderActionMessages,
  ...orderDetailMessages,
  ...orderWorkflowBoardMessages,
  ...pricingSettingsMessages,
  ...webhookEndpointsMessages,
  ...teamTableMessages,
  ...inviteUserFormMessages,
  ...apiKeysPanelMessages,
  ...agencyKeysPanelMessages,
  ...liveIndicatorMessages,
}))();

/** Every key of the message catalogue. */
export type MessageKey = keyof typeof defaultMessages;

/** The full catalogue shape: one string per key. */
export type Messages = { [K in MessageKey]: string };

type PlaceholdersOf<S extends string> = S extends `${string}{{${infer Name}}}${infer Rest}`
  ? Name | PlaceholdersOf<Rest>
  : never;

/** The variables a message needs, derived from its `{{placeholders}}`. */
export type MessageVars<K extends MessageKey> = [PlaceholdersOf<(typeof defaultMessages)[K]>] extends [never]
  ? Record<string, never> | undefined
  : Record<PlaceholdersOf<(typeof defaultMessages)[K]>, string | number>;

/**
 * Translates a key: the message with each `{{name}}` replaced from `vars`. `K` narrows the keys it
 * accepts to those its dictionaries hold (see `useMessages`); it defaults to the whole catalogue.
 * @example t('products.selectedCount', { count: 3 }) // "3 selected"
 */
export type Translate<K extends MessageKey = MessageKey> = <Key extends K>(
  key: Key,
  // NoInfer: a key outside `K` is reported as such, not as a count of arguments.
  ...vars: NoInfer<[PlaceholdersOf<(typeof defaultMessages)[Key]>] extends [never] ? [] : [MessageVars<Key>]>
) => string;

/**
 * Default messages for some keys of the catalogue: the `messages.ts` beside a component, a shared
 * set, `defaultMessages` itself, or the caller's overrides.
 */
export type MessageDictionary = { readonly [K in MessageKey]?: string };

/** Builds a {@link Translate} function over the whole default catalogue merged with `overrides`. */
export function createTranslator(overrides?: Partial<Messages>): Translate {
  return translator<MessageKey>({ ...defaultMessages, ...overrides });
}
