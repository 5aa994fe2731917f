/** Messages of `UsageMeter`. */
export const usageMeterMessages = {
  'usage.label': '{{label}}: {{used}} of {{limit}}',
  'usage.unlimitedLabel': '{{label}}: {{used}} (unlimited)',
  'usage.nearLimit': 'Nearing your limit',
  'usage.atLimit': 'Limit reached',
} as const;
