import { CreateProductForm, PlanBadge, ProductTable, UsageMeter } from '@agentstack/react';
import { useId, useState } from 'react';

/**
 * The catalogue: plan and usage, a create form (a plan-limit answer from the API shows as the kit's
 * upgrade prompt, naming the plan that lifts it), and the product table with paging, search,
 * archive and bulk archive (an upgrade prompt on plans without bulk operations).
 */
export function ProductsPage() {
  const id = useId();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<string | null>(null);
  return (
    <>
      <div className="page-head">
        <div className="page-head__text">
          <h1 className="page-head__title">Products</h1>
          <p className="page-head__lede">Everything your shop sells, with its price and stock.</p>
        </div>
        <div className="page-head__usage as-card">
          <span className="page-head__usage-plan">
            <span className="page-head__usage-caption">Commerce plan</span>
            <PlanBadge domain="commerce" />
          </span>
          <UsageMeter limitKey="commerce.products" />
        </div>
        <button
          type="button"
          className="as-button as-button--primary"
          aria-expanded={creating}
          aria-controls={`${id}-create`}
          onClick={() => setCreating((open) => !open)}
        >
          New product
        </button>
      </div>
      {creating ? (
        <section id={`${id}-create`} className="as-card page-section" aria-label="New product">
          <CreateProductForm
            currencies={['EUR', 'USD', 'GBP']}
            onCancel={() => setCreating(false)}
            onCreated={(product) => {
              setCreated(`“${product.title}” was created as a ${product.status} product.`);
              setCreating(false);
            }}
          />
        </section>
      ) : null}
      {created ? (
        <p className="page-notice" role="status">
          {created}
        </p>
      ) : null}
      <ProductTable pageSize={20} showUsage={false} allowCreate={false} />
    </>
  );
}
