/** Messages of `UsageOverview`. */
export const usageOverviewMessages = {
  'plans.usageTitle': 'Plan and usage',
  'plans.usageLimits': 'Usage',
  'plans.usageFeatures': 'Features',
  'plans.usageAddons': 'Add-ons',
  'plans.usageNoAddons': 'No add-ons',
  'plans.usageNoLimits': 'No metered limits',
  'plans.usageNotSubscribed': 'Not subscribed',
  'plans.usageLoadError': 'Usage could not be loaded',
} as const;
