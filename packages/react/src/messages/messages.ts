import { createProductFormMessages } from '../components/commerce/CreateProductForm/messages';
import { inventoryBoardMessages } from '../components/commerce/InventoryBoard/messages';
import { orderDetailMessages } from '../components/commerce/OrderDetail/messages';
import { orderWorkflowBoardMessages } from '../components/commerce/OrderWorkflowBoard/messages';
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

/**
 * The message catalogue: every string a component shows, merged from the messages kept beside
 * each component (`components/<domain>/<Component>/messages.ts`) and the shared ones in this
 * folder. Placeholders are `{{name}}`; override any message through the provider's
 * `locale.messages`. Nothing here names the vendor: a product or
 * brand name only appears when the theme or the caller passes one.
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
  ...brandEditorMessages,
  ...usageMeterMessages,
  ...catalogueMessages,
  ...productTableMessages,
  ...createProductFormMessages,
  ...productEditorMessages,
  ...inventoryBoardMessages,
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
 * Translates a key: the message with each `{{name}}` replaced from `vars`.
 * @example t('products.selectedCount', { count: 3 }) // "3 selected"
 */
export type Translate = <K extends MessageKey>(
  key: K,
  ...vars: [PlaceholdersOf<(typeof defaultMessages)[K]>] extends [never] ? [] : [MessageVars<K>]
) => string;

/** Replaces `{{name}}` placeholders in `template` with `vars[name]`; unknown ones stay visible. */
export function interpolate(template: string, vars?: Record<string, string | number>): string {
  if (!vars) return template;
  return template.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (match, name: string) =>
    name in vars ? String(vars[name]) : match,
  );
}

/** Builds a {@link Translate} function over the default catalogue merged with `overrides`. */
export function createTranslator(overrides?: Partial<Messages>): Translate {
  const messages: Messages = { ...defaultMessages, ...overrides };
  return ((key: MessageKey, vars?: Record<string, string | number>) =>
    interpolate(messages[key] ?? key, vars)) as Translate;
}
