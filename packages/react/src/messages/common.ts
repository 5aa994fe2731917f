/** Messages shared by every component: loading, retry, errors, prices. */
export const commonMessages = {
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
} as const;
