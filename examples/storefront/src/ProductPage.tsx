import { useProduct } from '@agentstack/react';
import type { Product, ProductVariant } from '@agentstack/sdk';
import { useState } from 'react';
import { ProductImage } from './Catalogue';
import { useShopCart } from './cart';
import { money } from './money';
import { go, href } from './route';

/** The variant whose option values are all `chosen`, if there is one. */
function variantFor(product: Product, chosen: Record<string, string>): ProductVariant | undefined {
  return product.variants.find((v) => product.options.every((o) => v.options[o.name] === chosen[o.name]));
}

/** One product: its images, options (size, colour…), price of the chosen variant, and Add to cart. */
export function ProductPage({ id }: { id: string }) {
  const product = useProduct(id);
  const cart = useShopCart();
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const [quantity, setQuantity] = useState(1);
  if (product.isPending) return <p>Loading…</p>;
  if (product.isError) {
    return (
      <p role="alert">
        {product.error.code === 'not_found'
          ? 'This product is not for sale.'
          : `The product could not be loaded (${product.error.code}).`}{' '}
        <a href={href({ name: 'catalogue' })}>Back to the shop</a>
      </p>
    );
  }
  const p = product.data;
  const hasVariants = p.variants.length > 0;
  const variant = hasVariants ? variantFor(p, chosen) : undefined;
  const price = variant?.price ?? p.price;
  const soldOut = !hasVariants && p.inventoryQuantity <= 0;
  const ready = !soldOut && (!hasVariants || variant !== undefined);
  const add = async () => {
    const ok = await cart.add(
      variant ? { variantId: variant.id } : { productId: p.id },
      quantity,
      price.currency,
    );
    if (ok) go({ name: 'cart' });
  };
  return (
    <article className="shop-product" aria-labelledby="product-title">
      <ProductImage product={p} large />
      <div className="shop-product-info">
        <a href={href({ name: 'catalogue' })} className="shop-back">
          ← All products
        </a>
        <h1 id="product-title">{p.title}</h1>
        <p className="shop-price" aria-live="polite">
          {money(price)}
        </p>
        {p.description && <p className="shop-description">{p.description}</p>}
        {p.options.map((option) => (
          <fieldset key={option.name} className="shop-option">
            <legend>{option.name}</legend>
            {option.values.map((value) => (
              <label
                key={value}
                className={chosen[option.name] === value ? 'shop-chip shop-chip-on' : 'shop-chip'}
              >
                <input
                  type="radio"
                  name={option.name}
                  value={value}
                  checked={chosen[option.name] === value}
                  onChange={() => setChosen({ ...chosen, [option.name]: value })}
                />
                {value}
              </label>
            ))}
          </fieldset>
        ))}
        <div className="shop-add">
          <label>
            Quantity
            <input
              type="number"
              min={1}
              max={99}
              value={quantity}
              onChange={(e) => setQuantity(Math.max(1, Math.min(99, Number(e.target.value) || 1)))}
            />
          </label>
          <button type="button" className="shop-primary" disabled={!ready || cart.busy} onClick={add}>
            {soldOut ? 'Sold out' : hasVariants && !variant ? 'Choose options' : 'Add to cart'}
          </button>
        </div>
        {cart.error && (
          <p role="alert" className="shop-error">
            {cart.error}
          </p>
        )}
      </div>
    </article>
  );
}
