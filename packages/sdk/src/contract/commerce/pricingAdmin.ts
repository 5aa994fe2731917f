import { operation } from '../operation';

/** `/v1/commerce/regions`: where carts ship, in which currency, at which tax rate (read by storefronts). */
export const regionOperations = {
  /** Lists regions. */
  list: operation({
    method: 'get',
    path: '/v1/commerce/regions',
    tag: 'commerce',
    summary: 'List regions',
    permission: 'commerce:pricing:read',
    query: 'RegionListParams',
    response: 'RegionList',
    list: true,
  }),
  /** Creates a region. */
  create: operation({
    method: 'post',
    path: '/v1/commerce/regions',
    tag: 'commerce',
    summary: 'Create a region',
    permission: 'commerce:pricing:write',
    body: 'RegionCreate',
    response: 'Region',
    status: 201,
  }),
  /** Retrieves a region. */
  retrieve: operation({
    method: 'get',
    path: '/v1/commerce/regions/:id',
    tag: 'commerce',
    summary: 'Retrieve a region',
    permission: 'commerce:pricing:read',
    response: 'Region',
  }),
  /** Updates a region. */
  update: operation({
    method: 'patch',
    path: '/v1/commerce/regions/:id',
    tag: 'commerce',
    summary: 'Update a region',
    permission: 'commerce:pricing:write',
    body: 'RegionUpdate',
    response: 'Region',
  }),
  /** Deletes a region and its shipping options; carts in it keep their currency and lose its tax and shipping. */
  del: operation({
    method: 'delete',
    path: '/v1/commerce/regions/:id',
    tag: 'commerce',
    summary: 'Delete a region',
    permission: 'commerce:pricing:write',
    response: 'DeletedRegion',
  }),
} as const;

/** `/v1/commerce/shipping-options`: a region's ways to ship, flat or free over a threshold, in its currency. */
export const shippingOptionOperations = {
  /** Lists shipping options. */
  list: operation({
    method: 'get',
    path: '/v1/commerce/shipping-options',
    tag: 'commerce',
    summary: 'List shipping options',
    permission: 'commerce:pricing:read',
    query: 'ShippingOptionListParams',
    response: 'ShippingOptionList',
    list: true,
  }),
  /** Creates a shipping option. */
  create: operation({
    method: 'post',
    path: '/v1/commerce/shipping-options',
    tag: 'commerce',
    summary: 'Create a shipping option',
    permission: 'commerce:pricing:write',
    body: 'ShippingOptionCreate',
    response: 'ShippingOption',
    status: 201,
    errors: ['validation_failed'],
  }),
  /** Retrieves a shipping option. */
  retrieve: operation({
    method: 'get',
    path: '/v1/commerce/shipping-options/:id',
    tag: 'commerce',
    summary: 'Retrieve a shipping option',
    permission: 'commerce:pricing:read',
    response: 'ShippingOption',
  }),
  /** Updates a shipping option. */
  update: operation({
    method: 'patch',
    path: '/v1/commerce/shipping-options/:id',
    tag: 'commerce',
    summary: 'Update a shipping option',
    permission: 'commerce:pricing:write',
    body: 'ShippingOptionUpdate',
    response: 'ShippingOption',
  }),
  /** Deletes a shipping option; carts that chose it lose it. */
  del: operation({
    method: 'delete',
    path: '/v1/commerce/shipping-options/:id',
    tag: 'commerce',
    summary: 'Delete a shipping option',
    permission: 'commerce:pricing:write',
    response: 'DeletedShippingOption',
  }),
} as const;

/** `/v1/commerce/discount-codes`: percentage or fixed amounts off, with a minimum spend, usage limits in all and per customer, and a validity window. */
export const discountCodeOperations = {
  /** Lists discount codes. */
  list: operation({
    method: 'get',
    path: '/v1/commerce/discount-codes',
    tag: 'commerce',
    summary: 'List discount codes',
    permission: 'commerce:discounts:read',
    query: 'DiscountCodeListParams',
    response: 'DiscountCodeList',
    list: true,
  }),
  /** Creates a discount code. */
  create: operation({
    method: 'post',
    path: '/v1/commerce/discount-codes',
    tag: 'commerce',
    summary: 'Create a discount code',
    permission: 'commerce:pricing:write',
    body: 'DiscountCodeCreate',
    response: 'DiscountCode',
    status: 201,
    errors: ['conflict'],
  }),
  /** Retrieves a discount code. */
  retrieve: operation({
    method: 'get',
    path: '/v1/commerce/discount-codes/:id',
    tag: 'commerce',
    summary: 'Retrieve a discount code',
    permission: 'commerce:discounts:read',
    response: 'DiscountCode',
  }),
  /** Updates a discount code. */
  update: operation({
    method: 'patch',
    path: '/v1/commerce/discount-codes/:id',
    tag: 'commerce',
    summary: 'Update a discount code',
    permission: 'commerce:pricing:write',
    body: 'DiscountCodeUpdate',
    response: 'DiscountCode',
    errors: ['invalid_state'],
  }),
  /** Deletes a discount code never redeemed (`409 invalid_state` otherwise: deactivate it). */
  del: operation({
    method: 'delete',
    path: '/v1/commerce/discount-codes/:id',
    tag: 'commerce',
    summary: 'Delete a discount code',
    permission: 'commerce:pricing:write',
    response: 'DeletedDiscountCode',
    errors: ['invalid_state'],
  }),
} as const;
