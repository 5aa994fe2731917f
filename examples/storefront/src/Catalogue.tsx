import { useProducts } from '@agentstack/react';
import type { Product } from '@agentstack/sdk';
import { useState } from 'react';
import { money } from './money';
import { href } from './route';

/** A product's picture: its first image, else a monogram tile in the brand's colours. */
export function ProductImage({ product, large = false }: { product: Product; large?: boolean }) {
  const image = product.media[0]?.url ?? product.imageUrl;
  if (image) {
    return (
      <img
        className={large ? 'shop-image shop-image-large' : 'shop-image'}
        src={image}
        alt={product.media[0]?.alt ?? ''}
      />
    );
  }
  const initials = product.title
    .split(/\s+/)
    .slice(0, 2)
    .map((w) => w[0]?.toUpperCase() ?? '')
    .join('');
  return (
    <div
      className={large ? 'shop-image shop-image-large shop-monogram' : 'shop-image shop-monogram'}
      aria-hidden="true"
    >
      {initials}
    </div>
  );
}

/** The lowest price a shopper can pay for a product (its variants may differ). */
export function fromPrice(product: Product) {
  const prices = product.variants.map((v) => v.price).filter((p) => p.currency === product.price.currency);
  return prices.length ? prices.reduce((a, b) => (b.amount < a.amount ? b : a)) : product.price;
}

/** The active catalogue, newest first, searchable; 24 per page. */
export function Catalogue() {
  const [search, setSearch] = useState('');
  const [cursor, setCursor] = useState<string[]>([]);
  const products = useProducts({
    limit: 24,
    query: search.trim() || undefined,
    startingAfter: cursor.at(-1),
  });
  return (
    <section aria-labelledby="catalogue-title">
      <div className="shop-toolbar">
        <h1 id="catalogue-title">Shop</h1>
        <input
          type="search"
          className="shop-search"
          placeholder="Search products"
          aria-label="Search products"
          value={search}
          onChange={(e) => {
            setSearch(e.target.value);
            setCursor([]);
          }}
        />
      </div>
      {products.isPending ? (
        <p>Loading products…</p>
      ) : products.isError ? (
        <p role="alert">The catalogue could not be loaded ({products.error.code}).</p>
      ) : products.data.data.length === 0 ? (
        <p>No products match.</p>
      ) : (
        <ul className="shop-grid">
          {products.data.data.map((p) => (
            <li key={p.id} className="shop-card">
              <a href={href({ name: 'product', id: p.id })} className="shop-card-link">
                <ProductImage product={p} />
                <span className="shop-card-title">{p.title}</span>
                <span className="shop-card-price">
                  {p.variants.length > 1 ? 'from ' : ''}
                  {money(fromPrice(p))}
                </span>
              </a>
            </li>
          ))}
        </ul>
      )}
      <nav className="shop-pager" aria-label="Pages">
        {cursor.length > 0 && (
          <button type="button" onClick={() => setCursor(cursor.slice(0, -1))}>
            Previous
          </button>
        )}
        {products.data?.hasMore && products.data.nextCursor && (
          <button type="button" onClick={() => setCursor([...cursor, products.data.nextCursor as string])}>
            Next
          </button>
        )}
      </nav>
    </section>
  );
}
