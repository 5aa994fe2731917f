import { describe, expect, it } from 'vitest';
import { MAX_CART_AMOUNT } from '../../schemas/commerce/cart';
import { allocate, applyRate, discountAmount, priceCart, unitPriceIn } from './pricing';

describe('cart pricing', () => {
  it('rounds a rate half up, in integers', () => {
    expect(applyRate(1000, 2000)).toBe(200);
    expect(applyRate(5, 1000)).toBe(1); // 0.5 → 1
    expect(applyRate(4, 1000)).toBe(0); // 0.4 → 0
    expect(applyRate(MAX_CART_AMOUNT, 10000)).toBe(MAX_CART_AMOUNT);
  });

  it('shares a discount out in proportion, adding up exactly, even past 2^53 in the products', () => {
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocate(0, [5, 5])).toEqual([0, 0]);
    expect(allocate(10, [0, 0])).toEqual([0, 0]);
    const weights = [MAX_CART_AMOUNT - 3, 1, 2];
    const shares = allocate(MAX_CART_AMOUNT - 1, weights);
    expect(shares.reduce((a, b) => a + b, 0)).toBe(MAX_CART_AMOUNT - 1);
    for (const [i, s] of shares.entries()) expect(s).toBeLessThanOrEqual(weights[i] as number);
  });

  it('caps a discount at the subtotal', () => {
    expect(discountAmount({ type: 'fixed', amountOff: 5000 }, 3000)).toBe(3000);
    expect(discountAmount({ type: 'percentage', percentOff: 100 }, 3001)).toBe(3001);
    expect(discountAmount({ type: 'percentage', percentOff: 15 }, 999)).toBe(150); // 149.85
    expect(discountAmount(null, 999)).toBe(0);
  });

  it('prices before tax: discount on lines, tax per line and on shipping, shipping free over its threshold', () => {
    const lines = [
      { unitAmount: 1999, quantity: 2 },
      { unitAmount: 500, quantity: 1 },
    ];
    const priced = priceCart({
      lines,
      discount: { type: 'percentage', percentOff: 10 },
      shipping: { amount: 495, freeOverAmount: 10000 },
      taxRateBps: 2000,
    });
    // subtotal 4498, discount 450 (449.8), net 4048, shipping 495
    expect(priced.subtotal).toBe(4498);
    expect(priced.discountTotal).toBe(450);
    expect(priced.lines.map((l) => l.discount)).toEqual([400, 50]);
    expect(priced.lines.map((l) => l.tax)).toEqual([720, 90]); // (3998-400)·20 %, (500-50)·20 %
    expect(priced.shippingTotal).toBe(495);
    expect(priced.taxTotal).toBe(720 + 90 + 99);
    expect(priced.total).toBe(4048 + 495 + 909);
    const free = priceCart({
      lines,
      discount: null,
      shipping: { amount: 495, freeOverAmount: 4498 },
      taxRateBps: 0,
    });
    expect(free.shippingTotal).toBe(0);
    expect(free.total).toBe(4498);
  });

  it('refuses amounts past what money holds (422 cart_limit_exceeded)', () => {
    expect(() =>
      priceCart({
        lines: [{ unitAmount: MAX_CART_AMOUNT, quantity: 2 }],
        discount: null,
        shipping: null,
        taxRateBps: 0,
      }),
    ).toThrow(expect.objectContaining({ status: 422, code: 'cart_limit_exceeded' }));
    expect(() =>
      priceCart({
        lines: [{ unitAmount: MAX_CART_AMOUNT, quantity: 1 }],
        discount: null,
        shipping: null,
        taxRateBps: 1,
      }),
    ).toThrow(expect.objectContaining({ code: 'cart_limit_exceeded' }));
  });

  it('reads the price in the cart currency: the main one, else one of prices', () => {
    const source = { price: { amount: 100, currency: 'EUR' }, prices: [{ amount: 120, currency: 'USD' }] };
    expect(unitPriceIn(source, 'EUR')).toBe(100);
    expect(unitPriceIn(source, 'USD')).toBe(120);
    expect(unitPriceIn(source, 'JPY')).toBeNull();
  });
});
