import { DEMO_PRODUCTS, type DemoTenant } from '@agentstack/sdk/catalog';
import { TEST_CARDS } from '@agentstack/sdk/contract';
import type { Address, OrderWorkflowStep, ProductCreate } from '@agentstack/sdk/schemas';
import { newId } from '@agentstack/sdk/schemas';
import { type SQL, sql } from 'drizzle-orm';
import { PUBLISHABLE_PERMISSIONS, ROLE_PERMISSIONS } from './auth/permissions';
import type { TenantPrincipal, TenantRow } from './auth/principal';
import type { Executor, Tx } from './db/client';
import { inventoryLevels, inventoryMovements, products } from './db/schema';
import { markHandled } from './events/store';
import { cartService } from './modules/commerce/carts/service';
import { stockLocationStore } from './modules/commerce/inventory/store';
import { orderWorkflowService } from './modules/commerce/order-workflow/service';
import { checkoutService } from './modules/commerce/orders/checkout';
import { FULFILMENT_HANDLER, orderMoneyService, orderService } from './modules/commerce/orders/service';
import {
  discountCodeService,
  regionService,
  shippingOptionService,
} from './modules/commerce/pricing/service';
import { productValues } from './modules/commerce/products/store';
import { vendorService } from './modules/commerce/vendors/service';
import { entitlementsOf } from './modules/platform/entitlements/service';

/*
 * The commerce demo of a seeded tenant: a shop that has been trading a while. Its catalogue (the
 * first products of DEMO_PRODUCTS, with their opening stock) is written directly, as a data import
 * would; everything after it goes through the services the API's routes call — regions, shipping
 * options, discount codes, vendors, the order workflow, and orders placed as carts checked out
 * with the built-in test provider, then moved on by the order actions — so totals, payments,
 * refunds, stock movements, fulfilments and timelines are what a real shop's would be.
 */

/** The keys a demo tenant was seeded with: the seed acts through them, as a shop and its back office would. */
export interface CommerceSeedKeys {
  /** The demo secret key's id and role: the back office (vendors, codes, order actions). */
  secret: { id: string; role: keyof typeof ROLE_PERMISSIONS };
  /** The demo publishable key's id: the storefront (carts and checkout). */
  publishableId: string;
}

/** The discount codes of every demo shop. */
export const DEMO_DISCOUNT_CODES = { welcome: 'WELCOME10', spring: 'SPRING5' } as const;

/** The custom order workflow of the Enterprise demo (`commerce.customWorkflows`). */
export const DEMO_ORDER_WORKFLOW: readonly OrderWorkflowStep[] = [
  { key: 'packed', name: 'Packed' },
  { key: 'quality_check', name: 'Quality check' },
];

/** Vendors of the multi-vendor demos, and the SKU prefixes of the products each sells. */
const VENDORS: ReadonlyArray<{ name: string; skus: readonly string[] }> = [
  { name: 'Saltmarsh Roasters', skus: ['COF-', 'TEA-', 'SUB-COF'] },
  { name: 'Kiln Street Ceramics', skus: ['MUG-', 'CUP-', 'DEC-VAS', 'BTH-DSH'] },
  { name: 'Loom & Linen', skus: ['APR-', 'TWL-', 'TBL-', 'TXT-', 'BTH-TWL', 'BTH-HTW'] },
  { name: 'Forge & Field', skus: ['CKW-', 'KNF-', 'GRD-', 'OUT-'] },
];

/** The UK price of a euro price, rounded to a shelf price (18.00 € → £14.95). */
function poundsFor(euroCents: number): number {
  return Math.max(95, Math.round((euroCents * 0.85) / 100) * 100 - 5);
}

type MarketKey = 'eu' | 'uk';

/** The regions of the demos: Europe for every shop, the UK with the multi-market add-on. */
const MARKETS: Record<
  MarketKey,
  {
    name: string;
    currency: string;
    countries: string[];
    taxRateBps: number;
    shipping: Array<{ key: 'standard' | 'express'; name: string; amount: number; freeOver: number | null }>;
  }
> = {
  eu: {
    name: 'Europe',
    currency: 'EUR',
    countries: ['AT', 'BE', 'DE', 'ES', 'FI', 'FR', 'IE', 'IT', 'NL', 'PT'],
    taxRateBps: 2100,
    shipping: [
      { key: 'standard', name: 'Standard (3–5 days)', amount: 490, freeOver: 6000 },
      { key: 'express', name: 'Express (1–2 days)', amount: 1290, freeOver: null },
    ],
  },
  uk: {
    name: 'United Kingdom',
    currency: 'GBP',
    countries: ['GB'],
    taxRateBps: 2000,
    shipping: [
      { key: 'standard', name: 'Tracked 48', amount: 395, freeOver: 5000 },
      { key: 'express', name: 'Next day', amount: 895, freeOver: null },
    ],
  },
};

interface Market {
  regionId: string;
  currency: string;
  shipping: Record<'standard' | 'express', string>;
}

/** Shoppers of the demo orders (example.com addresses: nothing is ever sent). */
const SHOPPERS: ReadonlyArray<{ email: string; address: Address }> = [
  shopper('Maya Lindqvist', 'Fitzwilliam Street Upper 14', 'Dublin', 'D02 TX34', 'IE'),
  shopper('Lukas Brenner', 'Bergmannstraße 52', 'Berlin', '10961', 'DE'),
  shopper('Camille Roux', '18 rue des Martyrs', 'Paris', '75009', 'FR'),
  shopper('Sanne de Vries', 'Prinsengracht 263', 'Amsterdam', '1016 GV', 'NL'),
  shopper('Tomás Ferreira', 'Rua da Rosa 120', 'Lisboa', '1200-389', 'PT'),
  shopper('Giulia Conti', 'Via dei Serpenti 41', 'Roma', '00184', 'IT'),
  shopper('Elias Virtanen', 'Fredrikinkatu 33', 'Helsinki', '00120', 'FI'),
  shopper('Lucía Navarro', 'Calle de Lavapiés 12', 'Madrid', '28012', 'ES'),
  shopper('Anna Gruber', 'Neubaugasse 7', 'Wien', '1070', 'AT'),
  shopper('Noah Peeters', 'Vlaamsesteenweg 9', 'Brussel', '1000', 'BE'),
  shopper('Oliver Hughes', '27 Mill Road', 'Cambridge', 'CB1 2AD', 'GB'),
  shopper('Priya Shah', '4 Canal Street', 'Manchester', 'M1 3HE', 'GB'),
];

function shopper(name: string, line1: string, city: string, postalCode: string, countryCode: string) {
  const email = `${name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, '.')}@example.com`;
  return { email, address: { name, line1, city, postalCode, countryCode } };
}

/** Where a demo order's story ends. */
type Ending =
  | 'pending'
  | 'paid'
  | 'fulfilling'
  | 'quality_check'
  | 'shipped'
  | 'delivered'
  | 'partially_refunded'
  | 'refunded'
  | 'canceled'
  | 'returned';

/** One demo order: what the shopper bought and how, and how far it has come. */
interface Story {
  ends: Ending;
  /** SKUs and quantities. */
  items: ReadonlyArray<readonly [sku: string, quantity: number]>;
  /** Index into {@link SHOPPERS}. */
  who: number;
  /** With the multi-market add-on, a UK shopper (index into {@link SHOPPERS}) buys it in pounds. */
  ukWho?: number;
  shipping?: 'standard' | 'express';
  code?: string;
  /** Paid after the card's extra authentication step (3-D Secure). */
  authenticated?: boolean;
  /** Only with custom workflow steps (`commerce.customWorkflows`). */
  customStepsOnly?: boolean;
}

/**
 * The demo orders, oldest first (lists show the newest first): one or more in every state. Their
 * SKUs are among the Starter demo's 18 products, so every tier has them, except the Enterprise
 * order at its last custom step. On multi-vendor plans most baskets span vendors, so their
 * fulfilment splits.
 */
const STORIES: readonly Story[] = [
  { ends: 'returned', items: [['APR-LIN-RST', 1]], who: 2 },
  { ends: 'refunded', items: [['BRW-KTL-1L', 1]], who: 5, shipping: 'express' },
  {
    ends: 'partially_refunded',
    items: [
      ['CUP-ESP-4', 1],
      ['COF-ETH-GUJ', 2],
    ],
    who: 3,
    code: DEMO_DISCOUNT_CODES.spring,
  },
  {
    ends: 'delivered',
    items: [
      ['MUG-STN-SAGE', 2],
      ['COF-COL-HUI', 1],
    ],
    who: 0,
    ukWho: 10,
    code: DEMO_DISCOUNT_CODES.welcome,
    authenticated: true,
  },
  { ends: 'canceled', items: [['BRW-GRN-HND', 1]], who: 7 },
  {
    ends: 'shipped',
    items: [
      ['BRW-DRIP-01', 1],
      ['COF-ETH-GUJ', 1],
    ],
    who: 1,
  },
  {
    ends: 'fulfilling',
    items: [
      ['MUG-STN-CHLK', 4],
      ['COF-DEC-SGC', 1],
    ],
    who: 4,
    code: DEMO_DISCOUNT_CODES.welcome,
  },
  {
    ends: 'quality_check',
    items: [
      ['OUT-PIC-BLK', 1],
      ['OUT-BTL-750', 2],
    ],
    who: 8,
    ukWho: 11,
    customStepsOnly: true,
  },
  { ends: 'paid', items: [['COF-BRA-CER-1K', 1]], who: 6, shipping: 'express' },
  {
    ends: 'pending',
    items: [
      ['APR-LIN-CHR', 2],
      ['COF-DEC-SGC', 1],
    ],
    who: 9,
  },
];

/**
 * Seeds the commerce demo of one tenant inside the seed's transaction `tx`, within its plan:
 *
 * - vendors (`commerce.multiVendor`, Growth and up), then the catalogue — each product of a
 *   vendor's SKU prefixes sold by it, and priced in pounds too with the multi-market add-on — and
 *   its opening stock in the main warehouse;
 * - regions: Europe in EUR with 21 % VAT, and the UK in GBP with the multi-market add-on; each
 *   with a standard (free from a threshold) and an express shipping option;
 * - discount codes WELCOME10 (10 % off, once per shopper) and SPRING5 (5 € off from 40 €);
 * - the custom workflow steps "Packed" and "Quality check" (`commerce.customWorkflows`);
 * - orders in every state, oldest first: carts checked out with the built-in test provider
 *   (one after the card's extra authentication step), a phone order awaiting payment, then the
 *   order actions — fulfilment (split per vendor), workflow steps, shipping with tracking,
 *   delivery, cancellation, refunds full and partial, a return received back into stock.
 *
 * The seed starts fulfilment itself where an order's story goes on, so the `order.paid`
 * handler's cursor is moved past the seeded events: the order meant to stay `paid` stays paid.
 */
export async function seedCommerce(
  tx: Tx,
  demo: DemoTenant,
  tenant: TenantRow,
  keys: CommerceSeedKeys,
): Promise<void> {
  const { features } = entitlementsOf(tenant);
  const multiMarket = features.includes('commerce.multiMarket');
  const multiVendor = features.includes('commerce.multiVendor');
  const customSteps = features.includes('commerce.customWorkflows');
  const backOffice: TenantPrincipal = {
    kind: 'secret_key',
    credentialId: keys.secret.id,
    tenant,
    role: keys.secret.role,
    userId: null,
    permissions: new Set(ROLE_PERMISSIONS[keys.secret.role]),
  };
  const shop: TenantPrincipal = {
    kind: 'publishable_key',
    credentialId: keys.publishableId,
    tenant,
    role: null,
    userId: null,
    permissions: new Set(PUBLISHABLE_PERMISSIONS),
  };

  const vendorByPrefix = new Map<string, string>();
  if (multiVendor) {
    for (const vendor of VENDORS) {
      const made = await vendorService.create(tx, backOffice, { name: vendor.name });
      for (const prefix of vendor.skus) vendorByPrefix.set(prefix, made.id);
    }
  }
  const idOf = await insertProducts(tx, tenant.id, demo.productCount, (p) => ({
    vendorId: [...vendorByPrefix].find(([prefix]) => p.sku?.startsWith(prefix))?.[1] ?? null,
    prices: multiMarket ? [{ amount: poundsFor(p.price.amount), currency: 'GBP' }] : [],
  }));

  const markets: Teller['markets'] = { eu: await openMarket(tx, backOffice, 'eu') };
  if (multiMarket) markets.uk = await openMarket(tx, backOffice, 'uk');
  await discountCodeService.create(tx, backOffice, {
    code: DEMO_DISCOUNT_CODES.welcome,
    type: 'percentage',
    percentOff: 10,
    usageLimitPerCustomer: 1,
    metadata: { campaign: 'newsletter' },
  });
  await discountCodeService.create(tx, backOffice, {
    code: DEMO_DISCOUNT_CODES.spring,
    type: 'fixed',
    amountOff: { amount: 500, currency: 'EUR' },
    minimumSpend: { amount: 4000, currency: 'EUR' },
    metadata: { campaign: 'spring' },
  });
  if (customSteps) await orderWorkflowService.update(tx, backOffice, { steps: [...DEMO_ORDER_WORKFLOW] });

  const teller: Teller = {
    shop,
    backOffice,
    markets,
    idOf,
    steps: customSteps ? DEMO_ORDER_WORKFLOW : [],
    multiVendor,
  };
  const told = STORIES.filter((story) => !story.customStepsOnly || customSteps);
  for (const [i, story] of told.entries()) {
    const orderId = await tell(tx, teller, story);
    // Oldest first, about a day and a quarter apart: the newest placed yesterday.
    await backdateOrder(tx, orderId, new Date(Date.now() - (told.length - i) * 30 * HOUR));
  }
  await markHandled(tx, FULFILMENT_HANDLER, tenant.id);
}

/**
 * Inserts the first `n` demo products with `extra` (vendor, other prices) and their opening stock
 * in the main warehouse (low at 5 or fewer), three statements in all; resolves with their ids by
 * SKU. Ids are minted a millisecond apart in catalogue order, so the newest-first list shows the
 * catalogue's last products first, the same on every seed.
 */
async function insertProducts(
  tx: Executor,
  tenantId: string,
  n: number,
  extra: (p: ProductCreate) => Pick<ProductCreate, 'vendorId' | 'prices'>,
): Promise<Map<string, string>> {
  const base = Date.now() - DEMO_PRODUCTS.length;
  const rows = DEMO_PRODUCTS.slice(0, n).map((p, i) => ({
    id: newId('prod', base + i),
    tenantId,
    // The stock figure is the one its level below derives (nothing is reserved yet).
    ...productValues({ ...p, ...extra(p) }),
    createdAt: new Date(base + i),
    updatedAt: new Date(base + i),
  }));
  await tx.insert(products).values(rows);
  const location = await stockLocationStore(tx, tenantId).insert({
    id: newId('sloc'),
    name: 'Main warehouse',
    metadata: {},
  });
  // Levels and receipts are minted a millisecond apart like their products, so lists of them
  // come in the same order.
  const levels = rows.map((p, i) => ({
    id: newId('ilvl', base + i),
    tenantId,
    locationId: location.id,
    itemId: p.id,
    onHand: p.inventoryQuantity,
    lowStockThreshold: 5,
  }));
  await tx.insert(inventoryLevels).values(levels);
  const received = levels.filter((l) => l.onHand > 0);
  await tx.insert(inventoryMovements).values(
    received.map((l, i) => ({
      id: newId('imov', base + i),
      tenantId,
      levelId: l.id,
      itemId: l.itemId,
      locationId: location.id,
      delta: l.onHand,
      reason: 'receipt' as const,
      note: 'Opening stock',
      onHandAfter: l.onHand,
    })),
  );
  return new Map(rows.flatMap((p) => (p.sku ? [[p.sku, p.id] as const] : [])));
}

async function openMarket(tx: Tx, caller: TenantPrincipal, key: MarketKey): Promise<Market> {
  const spec = MARKETS[key];
  const region = await regionService.create(tx, caller, {
    name: spec.name,
    currency: spec.currency,
    countries: spec.countries,
    taxRateBps: spec.taxRateBps,
  });
  const shipping = {} as Market['shipping'];
  for (const option of spec.shipping) {
    const made = await shippingOptionService.create(tx, caller, {
      regionId: region.id,
      name: option.name,
      amount: { amount: option.amount, currency: spec.currency },
      freeOver: option.freeOver === null ? null : { amount: option.freeOver, currency: spec.currency },
    });
    shipping[option.key] = made.id;
  }
  return { regionId: region.id, currency: spec.currency, shipping };
}

interface Teller {
  shop: TenantPrincipal;
  backOffice: TenantPrincipal;
  markets: Partial<Record<MarketKey, Market>>;
  idOf: ReadonlyMap<string, string>;
  /** The tenant's custom workflow steps (none below Enterprise). */
  steps: readonly OrderWorkflowStep[];
  multiVendor: boolean;
}

const CARD = { expMonth: 12, expYear: new Date().getUTCFullYear() + 3, cvc: '123' };
const CARRIERS = ['DHL', 'DPD', 'GLS', 'PostNL', 'UPS'];
/** A Mastercard number the test provider accepts (Luhn-valid, not one of its special cards). */
const MASTERCARD = '5555555555554444';

/** The card a story's shopper pays with: the test provider decides the outcome by its number. */
function cardFor(story: Story): string {
  if (story.authenticated) return TEST_CARDS.requiresAction;
  return story.who % 3 === 1 ? MASTERCARD : TEST_CARDS.succeeds;
}

/** Plays one story: the shopper's cart and checkout (or a phone order), then the back office's actions. */
async function tell(tx: Tx, t: Teller, story: Story): Promise<string> {
  const { shop, backOffice } = t;
  const inUk = story.ukWho !== undefined && t.markets.uk !== undefined;
  const market = (inUk ? t.markets.uk : t.markets.eu)!;
  const who = SHOPPERS[inUk ? story.ukWho! : story.who]!;
  const items = story.items.map(([sku, quantity]) => {
    const itemId = t.idOf.get(sku);
    if (!itemId) throw new Error(`demo order: no active product ${sku}`);
    return { itemId, quantity };
  });

  if (story.ends === 'pending') {
    // A phone order awaiting a bank transfer: placed by the back office, not paid yet.
    const phoned = await orderService.create(tx, backOffice, {
      currency: market.currency,
      items,
      email: who.email,
      metadata: { channel: 'phone', payment: 'bank transfer' },
    });
    return phoned.id;
  }

  const cart = await cartService.create(tx, shop, { regionId: market.regionId, email: who.email });
  for (const item of items) await cartService.addLine(tx, shop, cart.id, cart.token, item);
  await cartService.update(tx, shop, cart.id, cart.token, {
    shippingAddress: who.address,
    shippingOptionId: market.shipping[story.shipping ?? 'standard'],
  });
  if (story.code) await cartService.applyDiscount(tx, shop, cart.id, cart.token, { code: story.code });
  let order = await checkoutService.complete(tx, shop, cart.id, cart.token, {
    payment: { card: { number: cardFor(story), ...CARD } },
  });
  if (story.authenticated) order = await checkoutService.confirm(tx, shop, cart.id, cart.token, {});
  if (story.ends === 'paid') return order.id;
  if (story.ends === 'canceled') {
    await orderMoneyService.cancel(tx, backOffice, order.id, { note: 'The customer asked to cancel' });
    return order.id;
  }

  // Fulfilment, then the custom steps an order passes before it ships: a `fulfilling` order
  // stands at the first one.
  order = await orderService.startFulfillment(tx, backOffice, order.id, {});
  const stepsTaken = story.ends === 'fulfilling' ? Math.min(1, t.steps.length) : t.steps.length;
  for (let i = 0; i < stepsTaken; i++) order = await orderWorkflowService.advance(tx, backOffice, order.id);
  const carrier = CARRIERS[story.who % CARRIERS.length]!;
  const ship = async (k: number) => {
    const f = order.fulfillments[k]!;
    order = await orderService.shipFulfillment(tx, backOffice, order.id, f.id, {
      carrier,
      trackingNumber: `${carrier.slice(0, 2).toUpperCase()}${String(order.number).padStart(4, '0')}${70_315 + k}`,
    });
  };
  if (story.ends !== 'fulfilling' && story.ends !== 'quality_check') {
    // One parcel per fulfilment (per vendor on multi-vendor plans), each with its tracking number.
    for (const k of order.fulfillments.keys()) await ship(k);
  } else if (story.ends === 'fulfilling' && t.multiVendor && t.steps.length === 0) {
    // Without custom steps: one vendor's parcel has left, the others are still being packed.
    await ship(0);
  }
  if (['fulfilling', 'quality_check', 'shipped'].includes(story.ends)) return order.id;
  order = await orderService.deliver(tx, backOffice, order.id, {});

  if (story.ends === 'partially_refunded') {
    await orderMoneyService.refund(tx, backOffice, order.id, {
      amount: order.items[0]!.total.amount,
      reason: 'damaged',
      note: 'The cup set arrived chipped',
    });
  } else if (story.ends === 'refunded') {
    await orderMoneyService.refund(tx, backOffice, order.id, {
      reason: 'requested_by_customer',
      note: 'The customer changed their mind',
    });
  } else if (story.ends === 'returned') {
    await orderService.requestReturn(tx, backOffice, order.id, { note: 'Too short' });
    await orderService.receiveReturn(tx, backOffice, order.id, { note: 'Back on the shelf' });
  }
  return order.id;
}

const HOUR = 3_600_000;

/**
 * Minutes between an event of a demo order and the one before it, by the event's type: what a
 * shop's day looks like (paid at once, packed within hours, delivered a day or two later). An
 * event of the same type as the one before it (a second vendor's parcel) follows within minutes.
 */
const MINUTES_BEFORE: Readonly<Record<string, number>> = {
  'order.paid': 2,
  'order.canceled': 45,
  'fulfillment.created': 180,
  'order.workflow_step': 95,
  'fulfillment.shipped': 150,
  'fulfillment.delivered': 1560,
  'order.refunded': 540,
  'order.return_requested': 1440,
  'order.returned': 2880,
};

/**
 * Moves a seeded order into the past: placed at `placedAt`, each timeline event after the one
 * before it by {@link MINUTES_BEFORE} (events of one moment — an order shipped with its last
 * parcel — stay together), and its payments, refunds and fulfilments at the times of their own
 * events. The seed runs in one transaction, in which every timestamp would be the same moment.
 */
async function backdateOrder(tx: Tx, orderId: string, placedAt: Date): Promise<void> {
  const gaps = sql.join(
    Object.entries(MINUTES_BEFORE).map(([type, minutes]) => sql`when ${type} then ${minutes}::int`),
    sql` `,
  );
  const at = placedAt.toISOString();
  await tx.execute(sql`
    with timeline as (
      select id, seq, type, lag(type) over (order by seq) as before from order_events where order_id = ${orderId}
    ), timed as (
      select id, ${at}::timestamptz + make_interval(mins => (sum(
        case when before is null then 0
             when before = type then 3
             when type like 'order.%' and before like 'fulfillment.%' and type <> 'order.refunded' then 0
             else coalesce(case type ${gaps} end, 30) end
      ) over (order by seq))::int) as at
      from timeline
    )
    update order_events e set created_at = timed.at from timed where e.id = timed.id`);
  const first = (objectId: SQL, type?: string) =>
    sql`(select min(created_at) from order_events where order_id = ${orderId} and object_id = ${objectId}${type ? sql` and type = ${type}` : sql``})`;
  const last = (objectId: SQL) =>
    sql`(select max(created_at) from order_events where order_id = ${orderId} and object_id = ${objectId})`;
  await tx.execute(sql`
    update orders set created_at = ${at}::timestamptz,
      updated_at = (select max(created_at) from order_events where order_id = ${orderId})
    where id = ${orderId}`);
  await tx.execute(sql`
    update payments p set created_at = coalesce(${first(sql`p.id`)}, ${at}::timestamptz),
      updated_at = coalesce(${last(sql`p.id`)}, ${at}::timestamptz)
    where order_id = ${orderId}`);
  await tx.execute(sql`
    update refunds r set created_at = coalesce(${first(sql`r.id`)}, r.created_at),
      updated_at = coalesce(${last(sql`r.id`)}, r.updated_at)
    where order_id = ${orderId}`);
  await tx.execute(sql`
    update fulfillments f set created_at = coalesce(${first(sql`f.id`)}, f.created_at),
      updated_at = coalesce(${last(sql`f.id`)}, f.updated_at),
      shipped_at = case when shipped_at is null then null else ${first(sql`f.id`, 'fulfillment.shipped')} end,
      delivered_at = case when delivered_at is null then null else ${first(sql`f.id`, 'fulfillment.delivered')} end
    where order_id = ${orderId}`);
}
