import { describe, expect, it } from 'vitest';
import { describeMoney, refundedMessage } from './orderRules';

describe('describeMoney', () => {
  it('writes the code and the amount with its currency’s decimals, the same in every locale', () => {
    expect(describeMoney(3787, 'EUR')).toBe('EUR 37.87');
    expect(describeMoney(5, 'GBP')).toBe('GBP 0.05');
    expect(describeMoney(500, 'JPY')).toBe('JPY 500');
    expect(describeMoney(1234, 'KWD')).toBe('KWD 1.234');
    expect(describeMoney(-250, 'USD')).toBe('USD -2.50');
  });

  it('falls back to two decimals for a code Intl does not know', () => {
    expect(describeMoney(199, 'XQQ')).toBe('XQQ 1.99');
  });
});

describe('refundedMessage', () => {
  it('names the refund, the total and whether it was the whole', () => {
    expect(refundedMessage(3787, 7611, 'EUR', false)).toBe('Refunded EUR 37.87 of EUR 76.11');
    expect(refundedMessage(7611, 7611, 'EUR', true)).toBe('Refunded EUR 76.11 of EUR 76.11 — fully refunded');
  });
});
