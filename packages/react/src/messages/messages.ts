/**
 * The message catalogue: every string a component shows. Placeholders are `{{name}}`; override any
 * message through the provider's `locale.messages`. Nothing here names the vendor: a product or
 * brand name only appears when the theme or the caller passes one.
 */
export const defaultMessages = {
  'common.loading': 'Loading…',
  'common.retry': 'Try again',
  'common.cancel': 'Cancel',
  'common.save': 'Save',
  'common.unlimited': 'Unlimited',
  'common.errorTitle': 'Something went wrong',
  'common.errorCode': 'Error code: {{code}}',
  'common.requestId': 'Request ID: {{requestId}}',
  'common.perMonth': '{{price}}/mo',
  'common.customPricing': 'Custom pricing',

  'upgrade.title': 'Upgrade to unlock',
  'upgrade.featureTitle': '{{feature}} is not part of your plan',
  'upgrade.limitTitle': 'You have reached your {{limit}} limit',
  'upgrade.limitDetail': '{{used}} of {{limit}} used.',
  'upgrade.planBody': 'Available on the {{name}} plan.',
  'upgrade.addonBody': 'Available with the {{name}} add-on.',
  'upgrade.noneBody': 'Contact your account manager to unlock this.',
  'upgrade.cta': 'Upgrade to {{name}}',
  'upgrade.addonCta': 'Add {{name}}',
  'upgrade.price': 'From {{price}}',

  'plan.badgeLabel': '{{domain}} plan: {{name}}',
  'plan.none': 'No plan',

  'usage.label': '{{label}}: {{used}} of {{limit}}',
  'usage.unlimitedLabel': '{{label}}: {{used}} (unlimited)',
  'usage.nearLimit': 'Nearing your limit',
  'usage.atLimit': 'Limit reached',

  'domain.platform': 'Platform',
  'domain.commerce': 'Commerce',
  'domain.fintech': 'Fintech',
  'domain.social': 'Social',

  'limit.commerce.products': 'Products',
  'limit.commerce.monthlyVisits': 'Monthly visits',
  'limit.fintech.users': 'Fintech users',
  'limit.social.users': 'Social users',
  'limit.platform.dashboardUsers': 'Dashboard users',

  'feature.commerce.bulkOperations': 'Bulk operations',
  'feature.generic': 'This feature',

  'products.title': 'Products',
  'products.searchLabel': 'Search products',
  'products.searchPlaceholder': 'Search by title or SKU',
  'products.statusFilterLabel': 'Status',
  'products.status.all': 'All statuses',
  'products.status.draft': 'Draft',
  'products.status.active': 'Active',
  'products.status.archived': 'Archived',
  'products.column.select': 'Select',
  'products.column.title': 'Product',
  'products.column.status': 'Status',
  'products.column.price': 'Price',
  'products.column.inventory': 'Inventory',
  'products.column.updatedAt': 'Updated',
  'products.column.actions': 'Actions',
  'products.selectAll': 'Select all products on this page',
  'products.selectRow': 'Select {{title}}',
  'products.sortBy': 'Sort by {{column}}',
  'products.noSku': 'No SKU',
  'products.archive': 'Archive',
  'products.archiveRow': 'Archive {{title}}',
  'products.unarchive': 'Restore',
  'products.unarchiveRow': 'Restore {{title}}',
  'products.archived': '{{title}} archived.',
  'products.selectedCount': '{{count}} selected',
  'products.bulkArchive': 'Archive selected',
  'products.bulkArchived': '{{count}} products archived.',
  'products.clearSelection': 'Clear selection',
  'products.emptyTitle': 'No products yet',
  'products.emptyBody': 'Products you create appear here.',
  'products.noMatchTitle': 'No matching products',
  'products.noMatchBody': 'Try another search or status.',
  'products.loadError': 'Products could not be loaded',
  'products.previous': 'Previous page',
  'products.next': 'Next page',
  'products.page': 'Page {{page}}',
  'products.tableLabel': 'Products',
  'products.add': 'Add product',
  'products.usage': 'Products',

  'productForm.title': 'New product',
  'productForm.titleLabel': 'Title',
  'productForm.skuLabel': 'SKU',
  'productForm.priceLabel': 'Price',
  'productForm.currencyLabel': 'Currency',
  'productForm.statusLabel': 'Status',
  'productForm.inventoryLabel': 'Inventory',
  'productForm.submit': 'Create product',
  'productForm.submitting': 'Creating…',
  'productForm.created': '{{title}} created.',
  'productForm.invalidPrice': 'Enter a price such as 19.99',

  // Team: dashboard users (TeamTable, InviteUserForm)
  'team.title': 'Team',
  'team.tableLabel': 'Team members',
  'team.invite': 'Invite member',
  'team.column.member': 'Member',
  'team.column.role': 'Role',
  'team.column.lastLogin': 'Last sign-in',
  'team.column.actions': 'Actions',
  'team.role.owner': 'Owner',
  'team.role.admin': 'Admin',
  'team.role.support': 'Support',
  'team.role.compliance': 'Compliance',
  'team.role.moderator': 'Moderator',
  'team.role.viewer': 'Viewer',
  'team.roleHint.owner': 'Everything, including managing other owners.',
  'team.roleHint.admin': 'Manages the team, API keys and products.',
  'team.roleHint.support': 'Sees products and the team; changes nothing.',
  'team.roleHint.compliance': 'Reviews products and compliance data.',
  'team.roleHint.moderator': 'Moderates community content.',
  'team.roleHint.viewer': 'Read-only access to products and reports.',
  'team.you': 'You',
  'team.never': 'Never',
  'team.roleSelectLabel': 'Role of {{name}}',
  'team.roleChanged': '{{name}} is now {{role}}.',
  'team.remove': 'Remove',
  'team.removeRow': 'Remove {{name}}',
  'team.confirmRemove': 'Remove {{name}}? They lose access immediately.',
  'team.confirmRemoveAction': 'Remove member',
  'team.removed': '{{name}} was removed from the team.',
  'team.emptyTitle': 'No team members yet',
  'team.emptyBody': 'Invite the people who help you run this dashboard.',
  'team.loadError': 'The team could not be loaded',
  'team.readOnly': 'You can see the team but not change it. Ask an owner or admin to make changes.',
  'team.noAccessTitle': 'The team is not visible to your role',
  'team.noAccessBody': 'Ask an owner or admin if you need to see who has access.',
  'team.previous': 'Previous page',
  'team.next': 'Next page',
  'team.page': 'Page {{page}}',
  'team.form.title': 'Invite a team member',
  'team.form.emailLabel': 'Email',
  'team.form.nameLabel': 'Name',
  'team.form.roleLabel': 'Role',
  'team.form.passwordLabel': 'Initial password',
  'team.form.passwordHint':
    'At least {{min}} characters. Share it securely; they can change it after signing in.',
  'team.form.passwordTooShort': 'Use at least {{min}} characters.',
  'team.form.submit': 'Add member',
  'team.form.submitting': 'Adding…',
  'team.form.created': '{{name}} was added to the team.',

  // API keys (ApiKeysPanel)
  'apiKeys.title': 'API keys',
  'apiKeys.tableLabel': 'API keys',
  'apiKeys.create': 'New key',
  'apiKeys.column.name': 'Name',
  'apiKeys.column.type': 'Type',
  'apiKeys.column.key': 'Key',
  'apiKeys.column.created': 'Created',
  'apiKeys.column.lastUsed': 'Last used',
  'apiKeys.column.status': 'Status',
  'apiKeys.column.actions': 'Actions',
  'apiKeys.type.secret': 'Secret',
  'apiKeys.type.publishable': 'Publishable',
  'apiKeys.typeHint.secret': 'Full API access from your servers. Never put it in a browser or app.',
  'apiKeys.typeHint.publishable': 'Safe in browsers: reads the catalogue and signs users in.',
  'apiKeys.status.active': 'Active',
  'apiKeys.status.revoked': 'Revoked',
  'apiKeys.revokedOn': 'Revoked {{date}}',
  'apiKeys.never': 'Never',
  'apiKeys.revoke': 'Revoke',
  'apiKeys.revokeRow': 'Revoke {{name}}',
  'apiKeys.confirmRevoke': 'Revoke {{name}}? Requests using it fail at once; this cannot be undone.',
  'apiKeys.confirmRevokeAction': 'Revoke key',
  'apiKeys.revoked': '{{name}} was revoked.',
  'apiKeys.form.title': 'New API key',
  'apiKeys.form.nameLabel': 'Name',
  'apiKeys.form.namePlaceholder': 'e.g. Production backend',
  'apiKeys.form.typeLabel': 'Type',
  'apiKeys.form.submit': 'Create key',
  'apiKeys.form.submitting': 'Creating…',
  'apiKeys.secret.title': 'Copy your new key for {{name}}',
  'apiKeys.secret.warning':
    "This is the only time this key is shown. Copy it and store it somewhere safe: you won't see it again.",
  'apiKeys.secret.label': 'Key',
  'apiKeys.secret.copy': 'Copy',
  'apiKeys.secret.copied': 'Copied to the clipboard.',
  'apiKeys.secret.copyFailed': 'Could not copy: select the key and copy it yourself.',
  'apiKeys.secret.done': "I've saved it",
  'apiKeys.emptyTitle': 'No API keys yet',
  'apiKeys.emptyBody': 'Create a key to call the API from your servers or your storefront.',
  'apiKeys.loadError': 'API keys could not be loaded',
  'apiKeys.noAccessTitle': 'API keys are not visible to your role',
  'apiKeys.noAccessBody': 'Ask an owner or admin to create or share a key.',
} as const;

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
