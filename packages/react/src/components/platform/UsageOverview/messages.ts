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
  'plans.apiTitle': 'API',
  'plans.apiCallsToday': 'Calls today',
  'plans.apiCallsMonth': 'Calls this month',
  'plans.apiRateLimit': 'Rate limit',
  'plans.apiRateLimitValue': '{{perSecond}} requests per second, bursts of {{burst}}',
  'plans.apiNote': 'Counted per UTC day; the last few seconds may not show yet.',
} as const;
