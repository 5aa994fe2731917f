/**
 * Demo data shared by the server's seed, the msw mocks and the Storybook stories: two sample
 * brands, a catalogue of realistic products and three tenants, one per tier. Plain data, no zod:
 * the tests check it against the schemas.
 */
import type { ProductCreate } from '../schemas/commerce/product';
import type { Brand } from '../schemas/platform/agency';
import type { Subscription } from '../schemas/platform/tenant';
import type { Role } from '../schemas/platform/user';

// No logos: the API accepts only https: logo URLs (no `data:`, see `WebUrl` in the schemas), and a
// demo must work offline, so the dashboards show each brand's monogram instead.
/** The sample white-label brands: a light teal one and a dark violet one. */
export const DEMO_BRANDS = {
  aurora: {
    name: 'Aurora Commerce',
    logoUrl: null,
    primaryColor: '#0f766e',
    accentColor: '#f59e0b',
    colorScheme: 'light',
  },
  nocturne: {
    name: 'Nocturne Labs',
    logoUrl: null,
    primaryColor: '#7c3aed',
    accentColor: '#22d3ee',
    colorScheme: 'dark',
  },
} as const satisfies Record<'aurora' | 'nocturne', Brand>;

/** The name of a sample brand. */
export type DemoBrandName = keyof typeof DEMO_BRANDS;

/** The brand a tenant without an agency sees: deliberately plain and unbranded, like the server's default. */
export const DEFAULT_BRAND: Brand = {
  name: 'Dashboard',
  logoUrl: null,
  primaryColor: '#2563eb',
  accentColor: '#0ea5e9',
  colorScheme: 'light',
};

type Row = [title: string, sku: string, cents: number, stock: number, description: string, status?: 'draft'];

// A homeware and coffee shop: enough variety for tables, search and filters to look real.
const ROWS: Row[] = [
  ['Stoneware mug, sage', 'MUG-STN-SAGE', 1800, 142, 'Hand-glazed 350 ml stoneware mug, dishwasher safe.'],
  [
    'Stoneware mug, chalk',
    'MUG-STN-CHLK',
    1800,
    97,
    'Hand-glazed 350 ml stoneware mug in a matte chalk white.',
  ],
  ['Espresso cup set (4)', 'CUP-ESP-4', 3400, 38, 'Four 90 ml porcelain cups with saucers.'],
  ['Pour-over dripper', 'BRW-DRIP-01', 2900, 64, 'Ceramic cone dripper for size 02 filters.'],
  ['Paper filters 02 (100)', 'BRW-FLT-02', 600, 410, 'Unbleached paper filters for size 02 drippers.'],
  ['Gooseneck kettle 1 L', 'BRW-KTL-1L', 7900, 22, 'Stainless steel gooseneck kettle with thermometer.'],
  ['Burr grinder, hand', 'BRW-GRN-HND', 8900, 15, 'Conical steel burrs, 40 click settings.'],
  [
    'Ethiopia Guji, 250 g',
    'COF-ETH-GUJ',
    1450,
    220,
    'Washed heirloom, notes of bergamot and peach. Light roast.',
  ],
  ['Colombia Huila, 250 g', 'COF-COL-HUI', 1290, 185, 'Caramel, red apple and cocoa. Medium roast.'],
  ['Brazil Cerrado, 1 kg', 'COF-BRA-CER-1K', 3900, 60, 'Nutty, chocolatey espresso base. Medium-dark roast.'],
  ['Kenya Nyeri, 250 g', 'COF-KEN-NYE', 1690, 0, 'Blackcurrant and grapefruit. Light roast. Back in spring.'],
  [
    'Decaf Sugarcane, 250 g',
    'COF-DEC-SGC',
    1350,
    75,
    'Sugarcane-process decaf from Colombia, sweet and round.',
  ],
  ['Linen apron, rust', 'APR-LIN-RST', 3900, 48, 'Stonewashed linen apron with a deep front pocket.'],
  ['Linen apron, charcoal', 'APR-LIN-CHR', 3900, 51, 'Stonewashed linen apron with a deep front pocket.'],
  ['Tea towels (set of 3)', 'TWL-TEA-3', 2400, 130, 'Waffle-weave cotton tea towels in three earth tones.'],
  ['Oak serving board', 'BRD-OAK-L', 5400, 27, 'Solid European oak, 45 × 22 cm, oiled finish.'],
  ['Olive wood spoon', 'UTN-OLV-SPN', 1200, 200, 'Hand-carved olive wood spoon, 30 cm.'],
  ['Cast iron skillet 26 cm', 'CKW-CI-26', 6900, 33, 'Pre-seasoned cast iron, oven and induction safe.'],
  ['Carbon steel wok', 'CKW-CS-WOK', 5900, 18, 'Hand-hammered carbon steel wok, 32 cm.'],
  ['Chef knife 20 cm', 'KNF-CHF-20', 11900, 12, 'VG-10 steel core, walnut handle.'],
  ['Whetstone 1000/6000', 'KNF-WHT-16', 4500, 40, 'Dual-grit sharpening stone with bamboo base.'],
  ['Glass storage jar 1 L', 'STR-JAR-1L', 1100, 260, 'Borosilicate jar with a beech lid.'],
  ['Glass storage jar 2 L', 'STR-JAR-2L', 1500, 180, 'Borosilicate jar with a beech lid.'],
  ['Beeswax wraps (3)', 'STR-BWX-3', 1800, 150, 'Reusable food wraps in three sizes.'],
  ['Linen napkins (4)', 'TBL-NAP-4', 3200, 70, 'Pre-washed linen napkins, 45 × 45 cm.'],
  ['Table runner, oat', 'TBL-RUN-OAT', 3600, 25, 'Heavy linen runner, 40 × 200 cm.'],
  ['Hand-thrown vase, small', 'DEC-VAS-S', 4200, 14, 'Speckled stoneware bud vase, each one unique.'],
  ['Hand-thrown vase, large', 'DEC-VAS-L', 7800, 6, 'Speckled stoneware vase, 28 cm.'],
  ['Soy candle, fig', 'DEC-CND-FIG', 2600, 90, '45-hour soy wax candle in a reusable amber jar.'],
  ['Soy candle, cedar', 'DEC-CND-CED', 2600, 84, '45-hour soy wax candle in a reusable amber jar.'],
  ['Wool throw, moss', 'TXT-THR-MOS', 12900, 11, 'Lambswool throw woven in Portugal, 130 × 180 cm.'],
  ['Cotton cushion cover', 'TXT-CSH-50', 2900, 66, 'Organic cotton cover, 50 × 50 cm, hidden zip.'],
  ['Bath towel, ivory', 'BTH-TWL-IVR', 3400, 120, 'Turkish cotton bath towel, 600 g/m².'],
  ['Hand towel, ivory', 'BTH-HTW-IVR', 1600, 140, 'Turkish cotton hand towel, 600 g/m².'],
  ['Olive oil soap (3)', 'BTH-SOP-3', 1500, 230, 'Cold-process olive oil soap bars, unscented.'],
  ['Bamboo toothbrush (4)', 'BTH-TBR-4', 1000, 300, 'Plant-based bristles, compostable handles.'],
  ['Ceramic soap dish', 'BTH-DSH-01', 1400, 58, 'Draining soap dish in glazed stoneware.'],
  ['Notebook A5, dotted', 'STA-NTB-A5D', 1900, 175, '192 pages of 100 g/m² paper, lay-flat binding.'],
  ['Notebook A5, lined', 'STA-NTB-A5L', 1900, 160, '192 pages of 100 g/m² paper, lay-flat binding.'],
  ['Brass pen', 'STA-PEN-BRS', 4900, 35, 'Solid brass rollerball that patinas with use.'],
  ['Desk calendar 2027', 'STA-CAL-27', 2200, 0, 'Letterpress desk calendar. Pre-order.', 'draft'],
  ['Recycled paper envelopes (25)', 'STA-ENV-25', 800, 90, 'C6 envelopes from recycled cotton paper.'],
  ['Canvas tote', 'BAG-TOT-NAT', 2200, 210, 'Heavy canvas tote with inner pocket.'],
  ['Waxed market bag', 'BAG-MKT-WAX', 6500, 19, 'Waxed cotton with leather handles.'],
  ['Picnic blanket', 'OUT-PIC-BLK', 7400, 23, 'Wool blanket with a waterproof backing.'],
  ['Enamel camp mug', 'OUT-MUG-ENM', 1600, 105, 'Speckled enamel mug, 400 ml.'],
  ['Insulated bottle 750 ml', 'OUT-BTL-750', 3200, 88, 'Keeps drinks cold 24 h, hot 12 h.'],
  ['Herb planter', 'GRD-PLT-HRB', 2800, 30, 'Terracotta planter with drainage tray, 30 cm.'],
  ['Pruning shears', 'GRD-SHR-01', 3800, 26, 'Forged steel bypass shears.'],
  ['Watering can 2 L', 'GRD-CAN-2L', 4200, 17, 'Powder-coated steel watering can with long spout.'],
  ['Seed kit: kitchen herbs', 'GRD-SED-HRB', 1400, 0, 'Basil, parsley, chives and coriander seeds.', 'draft'],
  ['Gift card €25', 'GFT-CRD-25', 2500, 999, 'Delivered by email, valid for two years.'],
  ['Gift card €50', 'GFT-CRD-50', 5000, 999, 'Delivered by email, valid for two years.'],
  ['Coffee subscription, monthly', 'SUB-COF-M', 2900, 999, 'Two 250 g bags of seasonal coffee each month.'],
  [
    'Barista workshop ticket',
    'EVT-BAR-01',
    6500,
    12,
    'A two-hour hands-on espresso workshop in our Lisbon shop.',
    'draft',
  ],
  ['Cold brew jug 1 L', 'BRW-CLD-1L', 3600, 44, 'Glass jug with a fine steel filter.'],
  ['Milk frother, manual', 'BRW-FRT-MAN', 2700, 36, 'Stainless steel plunger frother, 400 ml.'],
  ['Matcha whisk set', 'TEA-MAT-SET', 3900, 21, 'Bamboo chasen, scoop and ceramic bowl.'],
  ['Sencha, 100 g', 'TEA-SEN-100', 1500, 95, 'Steamed Japanese green tea, first flush.'],
  [
    'Limited edition tumbler',
    'MUG-LTD-TMB',
    4400,
    0,
    'Glazed by hand in a run of 200. Launching soon.',
    'draft',
  ],
];

/**
 * About sixty realistic products (EUR), valid against `ProductCreate`: mostly active, a few
 * drafts, some out of stock. The seed and the mocks give each tenant the first
 * `DEMO_TENANTS[i].productCount` of them.
 */
export const DEMO_PRODUCTS: readonly ProductCreate[] = /* @__PURE__ */ ROWS.map(
  ([title, sku, amount, stock, description, status]) => ({
    title,
    description,
    sku,
    status: status ?? 'active',
    price: { amount, currency: 'EUR' },
    inventoryQuantity: stock,
    imageUrl: null,
  }),
);

/** A demo tenant: its plan, how many demo products it starts with, and its owner's sign-in. */
export interface DemoTenant {
  slug: 'starter' | 'growth' | 'enterprise';
  name: string;
  subscription: Subscription;
  addons: string[];
  /** How many of {@link DEMO_PRODUCTS} (from the start) the tenant is seeded with. */
  productCount: number;
  /** API calls the mocks report for the tenant (today and this month); the server counts real ones. */
  apiCalls: { today: number; month: number };
  /** The tenant's owner. The password is for local demos only. */
  user: { email: string; name: string; role: Extract<Role, 'owner'>; password: string };
}

/** Three demo tenants, one per tier, each with an owner who can sign in to the dashboards. */
export const DEMO_TENANTS: readonly DemoTenant[] = [
  {
    slug: 'starter',
    name: 'Kiln & Crumb',
    subscription: {
      platform: 'starter',
      commerce: 'commerce_startup',
      fintech: 'fintech_early_stage',
      social: 'social_community',
    },
    addons: [],
    productCount: 18,
    apiCalls: { today: 1_240, month: 18_400 },
    user: { email: 'owner@starter.demo', name: 'Ines Duarte', role: 'owner', password: 'starter-demo-pass' },
  },
  {
    slug: 'growth',
    name: 'Harbour Goods',
    subscription: {
      platform: 'growth',
      commerce: 'commerce_growth',
      fintech: 'fintech_scaling',
      social: 'social_network',
    },
    addons: ['commerce_advanced_analytics'],
    productCount: 42,
    apiCalls: { today: 8_930, month: 212_500 },
    user: { email: 'owner@growth.demo', name: 'Jonas Weber', role: 'owner', password: 'growth-demo-pass' },
  },
  {
    slug: 'enterprise',
    name: 'Northwind Living',
    subscription: {
      platform: 'enterprise',
      commerce: 'commerce_enterprise',
      fintech: 'fintech_enterprise',
      social: 'social_platform',
    },
    addons: [
      'commerce_payment_gateway',
      'commerce_multi_market',
      'fintech_realtime_fraud',
      'social_ai_moderation',
    ],
    productCount: 60,
    apiCalls: { today: 96_400, month: 2_870_000 },
    user: {
      email: 'owner@enterprise.demo',
      name: 'Amara Okafor',
      role: 'owner',
      password: 'enterprise-demo-pass',
    },
  },
];

/** The slug of a demo tenant. */
export type DemoTenantSlug = DemoTenant['slug'];

/** Looks up a demo tenant by slug. */
export function demoTenant(slug: DemoTenantSlug): DemoTenant {
  const tenant = DEMO_TENANTS.find((t) => t.slug === slug);
  if (!tenant) throw new RangeError(`Unknown demo tenant: ${slug}`);
  return tenant;
}
