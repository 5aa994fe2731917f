/**
 * The plan catalogue of the business plan, as data: platform tiers, per-domain tiers and add-ons,
 * each with the limits and features it grants. The server computes entitlements from it, the
 * React kit names the plan that unlocks a locked feature from it, and the mocks use it too.
 */

/** The four product domains. `platform` is the infrastructure tier every tenant has. */
export type Domain = 'platform' | 'commerce' | 'fintech' | 'social';

/** Countable limits a plan sets. `null` in a plan means unlimited. */
export const LIMIT_KEYS = [
  'commerce.products',
  'commerce.monthlyVisits',
  'fintech.users',
  'social.users',
  'platform.dashboardUsers',
] as const;
/** A countable limit such as `commerce.products`. */
export type LimitKey = (typeof LIMIT_KEYS)[number];

/** Feature flags a plan or add-on grants. */
export const FEATURE_KEYS = [
  // platform
  'platform.basicMonitoring',
  'platform.emailSupport',
  'platform.highAvailability',
  'platform.monitoring247',
  'platform.sla4h',
  'platform.kubernetesPath',
  'platform.customIntegrations',
  'platform.dedicatedSre',
  'platform.onPremise',
  'platform.soc2',
  'platform.customContracts',
  // commerce
  'commerce.products',
  'commerce.cartCheckout',
  'commerce.basicReporting',
  'commerce.advancedInventory',
  'commerce.multiVendor',
  'commerce.bulkOperations',
  'commerce.detailedAnalytics',
  'commerce.prioritySupport',
  'commerce.customIntegrations',
  'commerce.customWorkflows',
  'commerce.whiteLabel',
  'commerce.customDashboards',
  'commerce.automation',
  'commerce.dedicatedAccountManager',
  'commerce.paymentGateway',
  'commerce.advancedAnalytics',
  'commerce.customThemes',
  'commerce.dedicatedSupport',
  'commerce.multiMarket',
  'commerce.erpIntegration',
  // fintech
  'fintech.transactions',
  'fintech.basicKyc',
  'fintech.standardReporting',
  'fintech.fraudDetection',
  'fintech.auditTrail',
  'fintech.comprehensiveReporting',
  'fintech.riskDashboard',
  'fintech.alerts',
  'fintech.prioritySupport',
  'fintech.customCompliance',
  'fintech.executiveDashboards',
  'fintech.customReporting',
  'fintech.securityOperations',
  'fintech.pciDss',
  'fintech.realtimeFraud',
  'fintech.multiCurrency',
  'fintech.regulatoryReporting',
  'fintech.riskScoring',
  'fintech.auditServices',
  // social
  'social.profiles',
  'social.feeds',
  'social.messaging',
  'social.basicModeration',
  'social.contentRanking',
  'social.advancedModeration',
  'social.detailedAnalytics',
  'social.prioritySupport',
  'social.customAlgorithms',
  'social.whiteLabel',
  'social.algorithmTuning',
  'social.monetizationControls',
  'social.aiModeration',
  'social.realtimeNotifications',
  'social.advancedAnalytics',
  'social.recommendations',
  'social.monetization',
  'social.liveStreaming',
] as const;
/** A feature flag such as `commerce.bulkOperations`. */
export type FeatureKey = (typeof FEATURE_KEYS)[number];

/**
 * An API rate limit as a token bucket: a client may send `burst` requests at once, and the bucket
 * refills at `perSecond` requests per second. Served as the IETF `RateLimit-Policy` header
 * (`q` = `burst`, `w` = the seconds an empty bucket takes to refill).
 */
export interface RateLimitPolicy {
  /** Sustained requests per second. */
  perSecond: number;
  /** Requests that may be sent at once (the bucket's size). */
  burst: number;
}

/** A tier of one domain. `price` is per month in minor units; `null` means custom pricing. */
export interface PlanDefinition {
  id: string;
  domain: Domain;
  name: string;
  /** 1 for the entry tier; higher ranks include everything of the lower ones. */
  rank: number;
  price: { amount: number; currency: 'USD' } | null;
  description: string;
  limits: Partial<Record<LimitKey, number | null>>;
  /** Features this tier adds on top of the lower tiers of its domain. */
  features: FeatureKey[];
  /** Platform tiers only: the tenant's API rate limit, shared by all its keys and sessions. */
  rateLimit?: RateLimitPolicy;
}

/** A paid add-on that grants features within one domain. */
export interface AddonDefinition {
  id: string;
  domain: Exclude<Domain, 'platform'>;
  name: string;
  price: { amount: number; currency: 'USD' };
  description: string;
  features: FeatureKey[];
}

const usd = (dollars: number) => ({ amount: dollars * 100, currency: 'USD' as const });

/** Every plan, lowest rank first within each domain. */
export const PLANS = [
  {
    id: 'starter',
    domain: 'platform',
    name: 'Starter',
    rank: 1,
    price: usd(299),
    description: 'Single-node stack, basic monitoring, email support.',
    limits: { 'platform.dashboardUsers': 5 },
    rateLimit: { perSecond: 25, burst: 50 },
    features: ['platform.basicMonitoring', 'platform.emailSupport'],
  },
  {
    id: 'growth',
    domain: 'platform',
    name: 'Growth',
    rank: 2,
    price: usd(799),
    description: 'HA setup (3 nodes), 24/7 monitoring, 4 h SLA.',
    limits: { 'platform.dashboardUsers': 25 },
    rateLimit: { perSecond: 50, burst: 100 },
    features: ['platform.highAvailability', 'platform.monitoring247', 'platform.sla4h'],
  },
  {
    id: 'scale',
    domain: 'platform',
    name: 'Scale',
    rank: 3,
    price: usd(2499),
    description: 'Kubernetes migration path, custom integrations, dedicated SRE.',
    limits: { 'platform.dashboardUsers': 100 },
    rateLimit: { perSecond: 100, burst: 200 },
    features: ['platform.kubernetesPath', 'platform.customIntegrations', 'platform.dedicatedSre'],
  },
  {
    id: 'enterprise',
    domain: 'platform',
    name: 'Enterprise',
    rank: 4,
    price: null,
    description: 'On-premise, SOC 2 compliance, custom contracts.',
    limits: { 'platform.dashboardUsers': null },
    rateLimit: { perSecond: 250, burst: 500 },
    features: ['platform.onPremise', 'platform.soc2', 'platform.customContracts'],
  },
  {
    id: 'commerce_startup',
    domain: 'commerce',
    name: 'Startup',
    rank: 1,
    price: usd(199),
    description: 'Up to 1,000 products and 10,000 monthly visits. Product management, cart and checkout.',
    limits: { 'commerce.products': 1000, 'commerce.monthlyVisits': 10_000 },
    features: ['commerce.products', 'commerce.cartCheckout', 'commerce.basicReporting'],
  },
  {
    id: 'commerce_growth',
    domain: 'commerce',
    name: 'Growth',
    rank: 2,
    price: usd(499),
    description:
      'Up to 10,000 products and 100,000 monthly visits. Advanced inventory, multi-vendor, bulk operations.',
    limits: { 'commerce.products': 10_000, 'commerce.monthlyVisits': 100_000 },
    features: [
      'commerce.advancedInventory',
      'commerce.multiVendor',
      'commerce.bulkOperations',
      'commerce.detailedAnalytics',
      'commerce.prioritySupport',
    ],
  },
  {
    id: 'commerce_enterprise',
    domain: 'commerce',
    name: 'Enterprise',
    rank: 3,
    price: usd(1299),
    description: 'Unlimited products and visits, custom integrations and workflows, white-label dashboards.',
    limits: { 'commerce.products': null, 'commerce.monthlyVisits': null },
    features: [
      'commerce.customIntegrations',
      'commerce.customWorkflows',
      'commerce.whiteLabel',
      'commerce.customDashboards',
      'commerce.automation',
      'commerce.dedicatedAccountManager',
    ],
  },
  {
    id: 'fintech_early_stage',
    domain: 'fintech',
    name: 'Early Stage',
    rank: 1,
    price: usd(399),
    description: 'Up to 1,000 users. Core transaction processing, basic KYC, standard reporting.',
    limits: { 'fintech.users': 1000 },
    features: ['fintech.transactions', 'fintech.basicKyc', 'fintech.standardReporting'],
  },
  {
    id: 'fintech_scaling',
    domain: 'fintech',
    name: 'Scaling',
    rank: 2,
    price: usd(899),
    description: 'Up to 10,000 users. Advanced fraud detection, audit trails, risk dashboards.',
    limits: { 'fintech.users': 10_000 },
    features: [
      'fintech.fraudDetection',
      'fintech.auditTrail',
      'fintech.comprehensiveReporting',
      'fintech.riskDashboard',
      'fintech.alerts',
      'fintech.prioritySupport',
    ],
  },
  {
    id: 'fintech_enterprise',
    domain: 'fintech',
    name: 'Enterprise',
    rank: 3,
    price: usd(2499),
    description: 'Unlimited users, custom compliance modules, executive dashboards, security operations.',
    limits: { 'fintech.users': null },
    features: [
      'fintech.customCompliance',
      'fintech.executiveDashboards',
      'fintech.customReporting',
      'fintech.securityOperations',
    ],
  },
  {
    id: 'social_community',
    domain: 'social',
    name: 'Community',
    rank: 1,
    price: usd(299),
    description: 'Up to 5,000 users. Profiles, feeds, messaging, simple moderation.',
    limits: { 'social.users': 5000 },
    features: ['social.profiles', 'social.feeds', 'social.messaging', 'social.basicModeration'],
  },
  {
    id: 'social_network',
    domain: 'social',
    name: 'Network',
    rank: 2,
    price: usd(699),
    description: 'Up to 50,000 users. Content ranking, advanced moderation, engagement analytics.',
    limits: { 'social.users': 50_000 },
    features: [
      'social.contentRanking',
      'social.advancedModeration',
      'social.detailedAnalytics',
      'social.prioritySupport',
    ],
  },
  {
    id: 'social_platform',
    domain: 'social',
    name: 'Platform',
    rank: 3,
    price: usd(1999),
    description: 'Unlimited users, custom recommendation engines, algorithm tuning, monetization controls.',
    limits: { 'social.users': null },
    features: [
      'social.customAlgorithms',
      'social.whiteLabel',
      'social.algorithmTuning',
      'social.monetizationControls',
    ],
  },
] as const satisfies readonly PlanDefinition[];

/** Every add-on of the catalogue. */
export const ADDONS = [
  {
    id: 'commerce_payment_gateway',
    domain: 'commerce',
    name: 'Payment gateway integration',
    price: usd(49),
    description: 'Stripe, PayPal, Square.',
    features: ['commerce.paymentGateway'],
  },
  {
    id: 'commerce_advanced_analytics',
    domain: 'commerce',
    name: 'Advanced analytics',
    price: usd(29),
    description: 'Customer behaviour, conversion tracking.',
    features: ['commerce.advancedAnalytics'],
  },
  {
    id: 'commerce_custom_themes',
    domain: 'commerce',
    name: 'Custom themes',
    price: usd(99),
    description: 'Bespoke design services.',
    features: ['commerce.customThemes'],
  },
  {
    id: 'commerce_dedicated_support',
    domain: 'commerce',
    name: 'Dedicated support',
    price: usd(199),
    description: '24/7 phone and chat support.',
    features: ['commerce.dedicatedSupport'],
  },
  {
    id: 'commerce_multi_market',
    domain: 'commerce',
    name: 'Multi-market support',
    price: usd(149),
    description: 'Multi-language, multi-currency.',
    features: ['commerce.multiMarket'],
  },
  {
    id: 'commerce_erp_integration',
    domain: 'commerce',
    name: 'ERP integration',
    price: usd(299),
    description: 'SAP, Oracle, NetSuite connectors.',
    features: ['commerce.erpIntegration'],
  },
  {
    id: 'fintech_pci_dss',
    domain: 'fintech',
    name: 'PCI DSS compliance',
    price: usd(199),
    description: 'Level 1 certification maintenance.',
    features: ['fintech.pciDss'],
  },
  {
    id: 'fintech_realtime_fraud',
    domain: 'fintech',
    name: 'Real-time fraud detection',
    price: usd(299),
    description: 'Anomaly detection on every transaction.',
    features: ['fintech.realtimeFraud'],
  },
  {
    id: 'fintech_multi_currency',
    domain: 'fintech',
    name: 'Multi-currency support',
    price: usd(149),
    description: 'FX conversion, hedging tools.',
    features: ['fintech.multiCurrency'],
  },
  {
    id: 'fintech_regulatory_reporting',
    domain: 'fintech',
    name: 'Regulatory reporting',
    price: usd(399),
    description: 'SEC, FINRA, OCC filings.',
    features: ['fintech.regulatoryReporting'],
  },
  {
    id: 'fintech_risk_scoring',
    domain: 'fintech',
    name: 'Risk scoring',
    price: usd(249),
    description: 'Credit, liquidity, market risk models.',
    features: ['fintech.riskScoring'],
  },
  {
    id: 'fintech_audit_services',
    domain: 'fintech',
    name: 'Audit services',
    price: usd(599),
    description: 'Quarterly security audits.',
    features: ['fintech.auditServices'],
  },
  {
    id: 'social_ai_moderation',
    domain: 'social',
    name: 'AI content moderation',
    price: usd(249),
    description: 'Automated flagging of inappropriate content.',
    features: ['social.aiModeration'],
  },
  {
    id: 'social_realtime_notifications',
    domain: 'social',
    name: 'Real-time notifications',
    price: usd(79),
    description: 'Push, email, SMS delivery.',
    features: ['social.realtimeNotifications'],
  },
  {
    id: 'social_advanced_analytics',
    domain: 'social',
    name: 'Advanced analytics',
    price: usd(199),
    description: 'Engagement, retention, growth metrics.',
    features: ['social.advancedAnalytics'],
  },
  {
    id: 'social_recommendations',
    domain: 'social',
    name: 'Content recommendation engine',
    price: usd(349),
    description: 'Personalised feeds.',
    features: ['social.recommendations'],
  },
  {
    id: 'social_monetization',
    domain: 'social',
    name: 'Monetization tools',
    price: usd(299),
    description: 'Subscriptions, ads, paywalls.',
    features: ['social.monetization'],
  },
  {
    id: 'social_live_streaming',
    domain: 'social',
    name: 'Live streaming',
    price: usd(399),
    description: 'Real-time video broadcast.',
    features: ['social.liveStreaming'],
  },
] as const satisfies readonly AddonDefinition[];

/** Cross-service bundles: all three domain plans of a rank at a discount. */
export const BUNDLES = [
  { id: 'bundle_starter', name: 'Starter Bundle', rank: 1, discountPercent: 20 },
  { id: 'bundle_growth', name: 'Growth Bundle', rank: 2, discountPercent: 25 },
  { id: 'bundle_scale', name: 'Scale Bundle', rank: 3, discountPercent: 30 },
] as const;

/**
 * Rate limits of callers that are not a tenant (Stripe-like figures; a server may change them):
 * each operator key and each agency key has its own bucket, and calls without a credential
 * (sign-in, accepting an invitation, the plan list) share one bucket per client address.
 */
export const CREDENTIAL_RATE_LIMITS = {
  operator: { perSecond: 100, burst: 200 },
  agency: { perSecond: 100, burst: 200 },
  anonymous: { perSecond: 10, burst: 20 },
} as const satisfies Record<string, RateLimitPolicy>;

/** The id of any plan in the catalogue. */
export type PlanId = (typeof PLANS)[number]['id'];
/** The id of any add-on in the catalogue. */
export type AddonId = (typeof ADDONS)[number]['id'];
/** Plan ids of one domain. */
export type PlanIdOf<D extends Domain> = Extract<(typeof PLANS)[number], { domain: D }>['id'];

/** Looks up a plan by id. */
export function findPlan(id: string): PlanDefinition | undefined {
  return (PLANS as readonly PlanDefinition[]).find((p) => p.id === id);
}

/** Looks up an add-on by id. */
export function findAddon(id: string): AddonDefinition | undefined {
  return (ADDONS as readonly AddonDefinition[]).find((a) => a.id === id);
}

/** The plans of one domain, lowest rank first. */
export function plansOf(domain: Domain): PlanDefinition[] {
  return (PLANS as readonly PlanDefinition[])
    .filter((p) => p.domain === domain)
    .sort((a, b) => a.rank - b.rank);
}

/**
 * The API rate limit of a platform tier; an unknown tier gets the entry tier's (Starter's).
 *
 * @example rateLimitOf('growth') // { perSecond: 50, burst: 100 }
 */
export function rateLimitOf(platformPlanId: string | null | undefined): RateLimitPolicy {
  const plan = platformPlanId ? findPlan(platformPlanId) : undefined;
  const policy = (plan?.domain === 'platform' && plan.rateLimit) || plansOf('platform')[0]?.rateLimit;
  return { ...(policy ?? { perSecond: 25, burst: 50 }) };
}

/** The domain a feature or limit key belongs to (its prefix). */
export function domainOf(key: FeatureKey | LimitKey): Domain {
  return key.slice(0, key.indexOf('.')) as Domain;
}

/** A plan or add-on as `GET /v1/platform/plans` serves it. */
export interface PlanResource {
  id: string;
  object: 'plan';
  kind: 'plan' | 'addon';
  domain: Domain;
  name: string;
  rank: number | null;
  price: { amount: number; currency: string } | null;
  description: string;
  limits: Record<string, number | null>;
  features: string[];
  /** Platform tiers: the API rate limit; `null` for domain tiers and add-ons. */
  rateLimit: RateLimitPolicy | null;
}

/** The catalogue as the API serves it: every plan, then every add-on. */
export function planResources(): PlanResource[] {
  return [
    ...(PLANS as readonly PlanDefinition[]).map(
      (p): PlanResource => ({
        id: p.id,
        object: 'plan',
        kind: 'plan',
        domain: p.domain,
        name: p.name,
        rank: p.rank,
        price: p.price,
        description: p.description,
        limits: { ...p.limits },
        features: [...p.features],
        rateLimit: p.rateLimit ? { ...p.rateLimit } : null,
      }),
    ),
    ...(ADDONS as readonly AddonDefinition[]).map(
      (a): PlanResource => ({
        id: a.id,
        object: 'plan',
        kind: 'addon',
        domain: a.domain,
        name: a.name,
        rank: null,
        price: a.price,
        description: a.description,
        limits: {},
        features: [...a.features],
        rateLimit: null,
      }),
    ),
  ];
}
