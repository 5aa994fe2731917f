import { describe, expect, it } from 'vitest';
import { computeEntitlements, upgradeForFeature, upgradeForLimit } from './entitlements';
import { planResources, plansOf, rateLimitOf } from './plans';

describe('computeEntitlements', () => {
  it('includes lower tiers, plan limits, add-ons of subscribed domains and overrides', () => {
    const e = computeEntitlements(
      { platform: 'growth', commerce: 'commerce_growth', fintech: null, social: null },
      ['commerce_advanced_analytics', 'social_live_streaming'],
      { 'platform.dashboardUsers': 3 },
    );
    expect(e.features).toEqual(
      expect.arrayContaining([
        'commerce.products',
        'commerce.bulkOperations',
        'commerce.advancedAnalytics',
        'platform.basicMonitoring',
      ]),
    );
    expect(e.features).not.toContain('commerce.whiteLabel');
    expect(e.features).not.toContain('social.liveStreaming');
    expect(e.limits['commerce.products']).toBe(10_000);
    expect(e.limits['fintech.users']).toBe(0);
    expect(e.limits['platform.dashboardUsers']).toBe(3);
  });
});

describe('upgrade hints', () => {
  it('names the lowest plan with the feature, else the add-on', () => {
    expect(upgradeForFeature('commerce.bulkOperations')).toEqual({
      kind: 'plan',
      id: 'commerce_growth',
      name: 'Growth',
    });
    expect(upgradeForFeature('fintech.realtimeFraud')).toEqual({
      kind: 'addon',
      id: 'fintech_realtime_fraud',
      name: 'Real-time fraud detection',
    });
  });

  it('names a plan above the current one, even when a negotiated limit is below the plan', () => {
    expect(upgradeForLimit('commerce.products', 1001)).toMatchObject({ id: 'commerce_growth' });
    expect(upgradeForLimit('commerce.products', 19, 'commerce_startup')).toMatchObject({
      id: 'commerce_growth',
    });
    expect(upgradeForLimit('commerce.products', 20_000, 'commerce_startup')).toMatchObject({
      id: 'commerce_enterprise',
    });
    expect(upgradeForLimit('commerce.products', 5, 'commerce_enterprise')).toBeNull();
  });
});

describe('rate limits', () => {
  it('grow with every platform tier, burst at least the sustained rate', () => {
    const tiers = plansOf('platform').map((p) => rateLimitOf(p.id));
    expect(tiers).toEqual([
      { perSecond: 25, burst: 50 },
      { perSecond: 50, burst: 100 },
      { perSecond: 100, burst: 200 },
      { perSecond: 250, burst: 500 },
    ]);
  });

  it('come with the entitlements and the plan list; an unknown tier gets the entry tier', () => {
    const e = computeEntitlements({ platform: 'scale', commerce: null, fintech: null, social: null });
    expect(e.rateLimit).toEqual({ perSecond: 100, burst: 200 });
    expect(rateLimitOf('commerce_growth')).toEqual(rateLimitOf('starter'));
    expect(rateLimitOf(undefined)).toEqual({ perSecond: 25, burst: 50 });
    const plans = planResources();
    expect(plans.find((p) => p.id === 'growth')?.rateLimit).toEqual({ perSecond: 50, burst: 100 });
    expect(plans.filter((p) => p.domain !== 'platform').every((p) => p.rateLimit === null)).toBe(true);
  });
});
