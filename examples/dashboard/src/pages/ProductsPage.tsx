import { CreateProductForm, PlanBadge, ProductTable, UsageMeter } from '@agentstack/react';
import type { Product } from '@agentstack/sdk';
import { useCallback, useId, useState } from 'react';
import { PageHead } from '../PageHead';
import { useClearOnNextAction } from '../useClearOnNextAction';
import { href } from '../useHashRoute';

/** What the page says after a product was created. */
export function createdMessage(product: Pick<Product, 'title' | 'status'>): string {
  return product.status === 'draft'
    ? `“${product.title}” was created as a draft: publish it from its page when it is ready.`
    : `“${product.title}” was created and is on sale.`;
}

/**
 * The catalogue: plan and usage, a create form (a plan-limit answer from the API shows as the kit's
 * upgrade prompt, naming the plan that lifts it), and the product table with paging, search,
 * archive with undo and bulk archive (an upgrade prompt on plans without bulk operations). Each
 * title opens the product's page.
 */
export function ProductsPage() {
  const id = useId();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<Product | null>(null);
  const clearCreated = useCallback(() => setCreated(null), []);
  useClearOnNextAction(created !== null, clearCreated);
  return (
    <>
      <PageHead title="Products" lede="Everything your shop sells, with its price and stock.">
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
          onClick={() => {
            setCreated(null);
            setCreating((open) => !open);
          }}
        >
          New product
        </button>
      </PageHead>
      {creating ? (
        <section id={`${id}-create`} className="as-card page-section" aria-label="New product">
          <CreateProductForm
            currencies={['EUR', 'USD', 'GBP']}
            onCancel={() => setCreating(false)}
            onCreated={(product) => {
              setCreated(product);
              setCreating(false);
            }}
          />
        </section>
      ) : null}
      {created ? (
        <p className="page-notice" role="status">
          {createdMessage(created)} <a href={href('product', created.id)}>Open it</a>
        </p>
      ) : null}
      <ProductTable
        pageSize={20}
        showUsage={false}
        allowCreate={false}
        productHref={(product) => href('product', product.id)}
        onCreate={() => setCreating(true)}
      />
    </>
  );
}
