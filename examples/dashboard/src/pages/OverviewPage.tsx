import { formatMoney, PlanBadge, TierGate, UsageMeter, useAgentStack, useProducts } from '@agentstack/react';
import { PageHead } from '../PageHead';
import { href } from '../useHashRoute';

/**
 * The home page of a tenant's dashboard, shaped by its tier: the plans, the usage that matters,
 * the newest products, and what the plan includes — features a lower tier lacks show as upgrade
 * prompts naming the plan that adds them.
 */
export function OverviewPage({ userName }: { userName: string }) {
  const firstName = userName.split(' ')[0] ?? userName;
  return (
    <>
      <PageHead title="Overview" lede={`Welcome back, ${firstName}. Here is your business at a glance.`} />
      <div className="overview-grid">
        <section className="as-card page-section overview-card" aria-labelledby="overview-plan">
          <h2 className="as-heading" id="overview-plan">
            Your plan
          </h2>
          <dl className="plan-list">
            <div className="plan-list__row">
              <dt>Platform</dt>
              <dd>
                <PlanBadge />
              </dd>
            </div>
            <div className="plan-list__row">
              <dt>Commerce</dt>
              <dd>
                <PlanBadge domain="commerce" />
              </dd>
            </div>
          </dl>
          <a className="overview-card__link" href={href('plan')}>
            Plans, add-ons and usage →
          </a>
        </section>
        <section className="as-card page-section overview-card" aria-labelledby="overview-usage">
          <h2 className="as-heading" id="overview-usage">
            Usage
          </h2>
          <UsageMeter limitKey="commerce.products" />
          <UsageMeter limitKey="platform.dashboardUsers" />
        </section>
        <section className="as-card page-section overview-card" aria-labelledby="overview-features">
          <h2 className="as-heading" id="overview-features">
            Plan features
          </h2>
          <TierGate feature="commerce.bulkOperations" variant="inline">
            <p className="overview-feature">
              <span aria-hidden="true">✓</span> Bulk operations: archive many products in one go.
            </p>
          </TierGate>
          <TierGate feature="commerce.advancedAnalytics" variant="inline">
            <p className="overview-feature">
              <span aria-hidden="true">✓</span> Advanced analytics on every order.
            </p>
          </TierGate>
        </section>
        <LatestProducts />
      </div>
    </>
  );
}

function LatestProducts() {
  const { locale } = useAgentStack();
  const products = useProducts({ limit: 5 });
  const rows = products.data?.data ?? [];
  return (
    <section
      className="as-card page-section overview-card overview-card--wide"
      aria-labelledby="overview-latest"
    >
      <h2 className="as-heading" id="overview-latest">
        Latest products
      </h2>
      {products.isPending ? (
        <span className="as-skeleton" />
      ) : rows.length === 0 ? (
        <div className="as-empty">
          <p className="as-empty__title">No products yet</p>
          <p className="as-empty__body">Add your first product: it starts as a draft until you publish it.</p>
          <p className="as-empty__action">
            <a className="as-button as-button--primary" href={href('products')}>
              Add a product
            </a>
          </p>
        </div>
      ) : (
        <ul className="overview-list">
          {rows.map((p) => (
            <li key={p.id} className="overview-list__item">
              <a href={href('product', p.id)}>{p.title}</a>
              <span className="overview-list__meta">
                <span className="as-status" data-status={p.status}>
                  {p.status[0]!.toUpperCase() + p.status.slice(1)}
                </span>
                {formatMoney(p.price, locale)}
              </span>
            </li>
          ))}
        </ul>
      )}
      <a className="overview-card__link" href={href('products')}>
        All products →
      </a>
    </section>
  );
}
