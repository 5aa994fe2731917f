import type { RealtimeEvent, RealtimeGap, RealtimeStatus, RealtimeTopic } from '@agentstack/sdk';
import { REALTIME_TOPIC_PERMISSIONS } from '@agentstack/sdk/catalog';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useAgentStackClient } from '../../provider/context';
import { platformQueries } from '../platform/platformKeys';
import { createInvalidationQueue, REALTIME_CACHE, resourceOf } from './realtimeCache';

/** Options of {@link useRealtime}. */
export interface UseRealtimeOptions {
  /** `false` opens no stream (status `offline`). Defaults to `true`. */
  enabled?: boolean;
  /** Called with each event after the cache was patched, e.g. to show a toast. */
  onEvent?: (event: RealtimeEvent) => void;
  /** Called when events were missed (the cache of the topics is refetched either way). */
  onGap?: (gap: RealtimeGap) => void;
  /** Called with connection errors; the stream reconnects by itself unless the status is `offline`. */
  onError?: (error: unknown) => void;
}

/** What {@link useRealtime} answers. */
export interface RealtimeState {
  /**
   * `connecting` until the stream is open, `connected` while it is, `reconnecting` after it
   * dropped, `offline` when it will not stream: disabled, a credential that may not (a
   * publishable key, a role without the topics' read permission), or a refusal from the server.
   */
  status: RealtimeStatus;
}

/**
 * Keeps the react-query cache live from the realtime stream (`client.realtime.subscribe`): each
 * event patches the cached item it carries (a product's detail query…) and refetches the lists
 * and usage it changes, batched so a burst costs one refetch; after a gap (events pruned while
 * disconnected) everything the topics cover is refetched. Only the topics the credential may read
 * are streamed (from `GET /v1/platform/me`); when none is, or the server refuses, it stays
 * `offline` without retrying — live updates are off and nothing else changes. The stream closes
 * on unmount. Reconnections resume where the stream stopped (`Last-Event-ID`), so nothing is
 * missed once it has been open; a change committed while it first opens (after a list was fetched,
 * before `connected`) shows with the next event or refetch.
 *
 * @example
 * ```tsx
 * function Products() {
 *   const { status } = useRealtime(['products']);
 *   return <><LiveIndicator status={status} /><ProductTable /></>;
 * }
 * ```
 */
export function useRealtime(
  topics: RealtimeTopic | readonly RealtimeTopic[],
  options: UseRealtimeOptions = {},
): RealtimeState {
  const client = useAgentStackClient();
  const queryClient = useQueryClient();
  const enabled = options.enabled ?? true;
  const me = useQuery({ ...platformQueries.me(client), enabled });
  const callbacks = useRef(options);
  useEffect(() => {
    callbacks.current = options;
  });

  const permissions = me.data?.permissions;
  const requested = typeof topics === 'string' ? [topics] : topics;
  // The topics the credential may read, as one string so the stream reopens only when it changes.
  const readable =
    permissions?.includes('platform:read') === true
      ? requested
          .filter((topic) => {
            const resource = resourceOf(topic);
            return resource !== undefined && permissions.includes(REALTIME_TOPIC_PERMISSIONS[resource]);
          })
          .join(',')
      : '';
  const streaming = enabled && readable !== '';
  const [status, setStatus] = useState<RealtimeStatus>('connecting');

  useEffect(() => {
    if (!streaming) return;
    const chosen = readable.split(',') as RealtimeTopic[];
    const resources = [...new Set(chosen.map((topic) => resourceOf(topic)))].filter((r) => r !== undefined);
    const queue = createInvalidationQueue(queryClient);
    const stop = client.realtime.subscribe(
      chosen,
      (event) => {
        const resource = resourceOf(event.type);
        if (resource) queue.add(...REALTIME_CACHE[resource].apply(queryClient, event));
        callbacks.current.onEvent?.(event);
      },
      {
        onStatus: setStatus,
        onGap(gap) {
          for (const resource of resources) queue.add(...REALTIME_CACHE[resource].covers());
          callbacks.current.onGap?.(gap);
        },
        onError: (error) => callbacks.current.onError?.(error),
      },
    );
    return () => {
      stop();
      queue.cancel();
      setStatus('connecting');
    };
  }, [client, queryClient, readable, streaming]);

  if (!enabled || me.isError || (me.data !== undefined && readable === '')) return { status: 'offline' };
  if (!streaming) return { status: 'connecting' };
  return { status };
}
