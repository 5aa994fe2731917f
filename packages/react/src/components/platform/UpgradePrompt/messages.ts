/** Messages of `UpgradePrompt`. */
export const upgradePromptMessages = {
  'upgrade.title': 'Upgrade to unlock',
  'upgrade.featureTitle': 'Not in your plan: {{feature}}',
  'upgrade.limitTitle': 'You have reached your {{limit}} limit',
  'upgrade.limitDetail': '{{used}} of {{limit}} used.',
  'upgrade.planBody': 'Available on the {{name}} plan.',
  'upgrade.addonBody': 'Available with the {{name}} add-on.',
  'upgrade.noneBody': 'Contact your account manager to unlock this.',
  'upgrade.cta': 'Upgrade to {{name}}',
  'upgrade.addonCta': 'Add {{name}}',
  'upgrade.price': 'From {{price}}',
} as const;
