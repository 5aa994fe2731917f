import { useAgentStackClient } from '@agentstack/react';
import { type Cart, isAgentStackError } from '@agentstack/sdk';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';

/** What the shop keeps of its cart between visits: the id and the cart's secret token. */
interface StoredCart {
  id: string;
  token: string;
}

const STORAGE_KEY = 'shop.cart';

function loadStored(): StoredCart | null {
  try {
    const raw = window.localStorage.getItem(STORAGE_KEY);
    return raw ? (JSON.parse(raw) as StoredCart) : null;
  } catch {
    return null;
  }
}

function saveStored(stored: StoredCart | null): void {
  if (stored) window.localStorage.setItem(STORAGE_KEY, JSON.stringify(stored));
  else window.localStorage.removeItem(STORAGE_KEY);
}

/** What a page may add: a variant, or a product sold without variants. */
export type CartItem = { variantId: string } | { productId: string };

/** The shop's cart, shared by every page. */
export interface ShopCart {
  cart: Cart | null;
  /** The cart's token, for calls a page makes itself (checkout). */
  token: string | null;
  /** Units in the cart. */
  count: number;
  busy: boolean;
  /** The last failure, in words. */
  error: string | null;
  /** Adds units; the first add opens a cart in `currency`. */
  add(item: CartItem, quantity: number, currency: string): Promise<boolean>;
  setQuantity(lineId: string, quantity: number): Promise<boolean>;
  remove(lineId: string): Promise<boolean>;
  /** Runs a change of the cart (a PATCH, a code) and keeps its answer. */
  change(run: (cart: Cart, token: string) => Promise<Cart>): Promise<boolean>;
  /** Forgets the cart (after checkout made it an order). */
  forget(): void;
}

const CartContext = createContext<ShopCart | null>(null);

/** The words for a failed cart call: the API's own `detail` says what was wrong. */
export function problemText(error: unknown): string {
  if (isAgentStackError(error)) return error.problem?.detail ?? error.message;
  return 'The shop could not be reached. Try again.';
}

/** Keeps the cart (created on the first add) and its token in this browser. */
export function CartProvider({ children }: { children: ReactNode }) {
  const client = useAgentStackClient();
  const [stored, setStored] = useState<StoredCart | null>(loadStored);
  const [cart, setCart] = useState<Cart | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const forget = useCallback(() => {
    saveStored(null);
    setStored(null);
    setCart(null);
  }, []);

  // A stored cart that is gone (404) or already an order starts over.
  useEffect(() => {
    if (!stored) return;
    const abort = new AbortController();
    client.commerce.carts
      .retrieve(stored.id, { cartToken: stored.token, signal: abort.signal })
      .then((c) => (c.status === 'open' ? setCart(c) : forget()))
      .catch((e) => {
        if (isAgentStackError(e) && e.status === 404) forget();
      });
    return () => abort.abort();
  }, [client, stored, forget]);

  const run = useCallback(async (work: () => Promise<Cart>): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      setCart(await work());
      return true;
    } catch (e) {
      setError(problemText(e));
      return false;
    } finally {
      setBusy(false);
    }
  }, []);

  const value = useMemo<ShopCart>(() => {
    const token = stored?.token ?? null;
    const withCart = async (currency: string): Promise<{ id: string; token: string }> => {
      if (stored) return stored;
      const created = await client.commerce.carts.create({ currency });
      const next = { id: created.id, token: created.token };
      saveStored(next);
      setStored(next);
      return next;
    };
    return {
      cart,
      token,
      count: cart?.lines.reduce((n, l) => n + l.quantity, 0) ?? 0,
      busy,
      error,
      add: (item, quantity, currency) =>
        run(async () => {
          const c = await withCart(currency);
          const itemId = 'variantId' in item ? item.variantId : item.productId;
          return client.commerce.carts.addLine(c.id, { itemId, quantity }, { cartToken: c.token });
        }),
      setQuantity: (lineId, quantity) =>
        run(() => client.commerce.carts.updateLine(cart!.id, lineId, { quantity }, { cartToken: token! })),
      remove: (lineId) =>
        run(() => client.commerce.carts.removeLine(cart!.id, lineId, { cartToken: token! })),
      change: (work) => run(() => work(cart!, token!)),
      forget,
    };
  }, [client, stored, cart, busy, error, run, forget]);
  return <CartContext.Provider value={value}>{children}</CartContext.Provider>;
}

/** The shop's cart. */
export function useShopCart(): ShopCart {
  const ctx = useContext(CartContext);
  if (!ctx) throw new Error('useShopCart() must be used inside <CartProvider>.');
  return ctx;
}
