import { describe, expect, it } from 'vitest';
import { isRetryableConflict, isUniqueViolation } from './errors';

describe('database error classification', () => {
  it('retries deadlocks and serialization failures only, however the driver wraps them', () => {
    expect(isRetryableConflict({ code: '40P01' })).toBe(true);
    expect(isRetryableConflict(new Error('query failed', { cause: { code: '40001' } }))).toBe(true);
    expect(isRetryableConflict({ code: '23505' })).toBe(false);
    expect(isRetryableConflict(new Error('ECONNRESET'))).toBe(false);
  });

  it('still recognises unique violations by constraint', () => {
    expect(
      isUniqueViolation({ code: '23505', constraint: 'products_tenant_sku_idx' }, 'products_tenant_sku_idx'),
    ).toBe(true);
    expect(isUniqueViolation({ code: '23505', constraint: 'other' }, 'products_tenant_sku_idx')).toBe(false);
  });
});
