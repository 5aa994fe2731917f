import type {
  Order,
  Product,
  RealtimeEvent,
  RealtimeResourceTopic,
  RealtimeTopic,
  User,
} from '@agentstack/sdk';
import type { QueryClient, QueryKey } from '@tanstack/react-query';
import { inventoryLevelKeys, inventoryMovementKeys, reservationKeys } from '../commerce/inventoryKeys';
import { orderKeys } from '../commerce/orderKeys';
import { productKeys } from '../commerce/productKeys';
import { platformKeys } from '../platform/platformKeys';
import type { DataKey } from '../shared/dataKey';

/** @internal What the live stream does to the query cache for one resource topic. */
export interface TopicCache {
  /** Every event type of the resource starts with one of these (`product.`). */
  prefixes: readonly string[];
  /** Patches what the cache holds from one event; answers the keys to refetch. */
  apply(queryClient: QueryClient, event: RealtimeEvent): QueryKey[];
  /** Everything the topic's events can change: refetched after a gap. */
  covers(): QueryKey[];
}

type Timestamped = { id: string; updatedAt: string };

/**
 * Replaces a cached item with the event's copy of it, unless the cache already holds a newer one
 * (a write's own answer can arrive before an older event). Items nobody has loaded are left out.
 */
function patchDetail<T extends Timestamped>(
  queryClient: QueryClient,
  key: DataKey<QueryKey, T>,
  next: T,
): void {
  const cached = queryClient.getQueryData(key);
  if (cached === undefined || Date.parse(cached.updatedAt) > Date.parse(next.updatedAt)) return;
  queryClient.setQueryData(key, next);
}

/**
 * @internal The cache effects of each realtime resource topic. Typed against the SDK's topics, so
 * a resource added to the stream fails the typecheck here until its effects are written.
 */
export const REALTIME_CACHE = {
  products: {
    prefixes: ['product.'],
    apply(queryClient, event) {
      const product = event.data as unknown as Product;
      patchDetail(queryClient, productKeys.detail(product.id), product);
      return [productKeys.lists(), platformKeys.entitlements()];
    },
    covers: () => [productKeys.all, platformKeys.entitlements()],
  },
  users: {
    prefixes: ['user.'],
    apply(queryClient, event) {
      const user = event.data as unknown as User;
      if (event.type === 'user.deleted') queryClient.removeQueries({ queryKey: platformKeys.user(user.id) });
      else patchDetail(queryClient, platformKeys.user(user.id), user);
      return [platformKeys.userLists(), platformKeys.entitlements()];
    },
    covers: () => [platformKeys.users(), platformKeys.entitlements()],
  },
  invitations: {
    prefixes: ['invitation.'],
    apply: () => [platformKeys.invitations(), platformKeys.userLists(), platformKeys.entitlements()],
    covers: () => [platformKeys.invitations(), platformKeys.userLists(), platformKeys.entitlements()],
  },
  inventory: {
    prefixes: ['inventory_level.'],
    // Levels are listed, never cached one by one: refetch the lists (and the history beside them),
    // and the products, whose `inventoryQuantity` the levels make.
    apply: () => [
      inventoryLevelKeys.lists(),
      inventoryMovementKeys.lists(),
      reservationKeys.lists(),
      productKeys.lists(),
      productKeys.details(),
    ],
    covers: () => [inventoryLevelKeys.all, inventoryMovementKeys.all, reservationKeys.all, productKeys.all],
  },
  orders: {
    // `order.*` events carry the order, `fulfillment.*` ones the fulfilment: patch the cached
    // order or refetch it, and the lists it may move between.
    prefixes: ['order.', 'fulfillment.'],
    apply(queryClient, event) {
      const data = event.data as { id: string; orderId?: unknown };
      // A fulfilment event carries the fulfilment: refetch its order rather than patch it.
      if (typeof data.orderId === 'string') return [orderKeys.lists(), orderKeys.detail(data.orderId)];
      patchDetail(queryClient, orderKeys.detail(data.id), data as unknown as Order);
      return [orderKeys.lists()];
    },
    covers: () => [orderKeys.all],
  },
} satisfies Record<RealtimeResourceTopic, TopicCache>;

/** @internal The resource a topic (`products`) or event type (`product.created`) belongs to. */
export function resourceOf(topicOrType: RealtimeTopic | string): RealtimeResourceTopic | undefined {
  // Computed per call, not at load: a top-level call would keep this module in every bundle.
  return (Object.keys(REALTIME_CACHE) as RealtimeResourceTopic[]).find(
    (r) => r === topicOrType || REALTIME_CACHE[r].prefixes.some((p) => topicOrType.startsWith(p)),
  );
}

/**
 * @internal Collects keys to invalidate and refetches each at most once per `intervalMs`: a burst
 * of events (a bulk import) costs one refetch, and a refetch always starts after the last event it
 * answers for, so nothing is missed.
 */
export function createInvalidationQueue(queryClient: QueryClient, intervalMs = 250) {
  const pending = new Map<string, QueryKey>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastFlush = Number.NEGATIVE_INFINITY;
  const flush = () => {
    timer = undefined;
    lastFlush = Date.now();
    const keys = [...pending.values()];
    pending.clear();
    for (const queryKey of keys) void queryClient.invalidateQueries({ queryKey });
  };
  return {
    add(...keys: QueryKey[]) {
      for (const key of keys) pending.set(JSON.stringify(key), key);
      timer ??= setTimeout(flush, Math.max(0, lastFlush + intervalMs - Date.now()));
    },
    cancel() {
      clearTimeout(timer);
      timer = undefined;
      pending.clear();
    },
  };
}
