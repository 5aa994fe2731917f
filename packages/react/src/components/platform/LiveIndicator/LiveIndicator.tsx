import type { RealtimeStatus, RealtimeTopic } from '@agentstack/sdk';
import { useRealtime } from '../../../hooks/realtime/useRealtime';
import { useMessages } from '../../../provider/context';
import { liveIndicatorMessages } from './messages';

/** Props of {@link LiveIndicator}. */
export interface LiveIndicatorProps {
  /**
   * The status to show, from a {@link useRealtime} the page already runs (one stream per page).
   * When absent, the indicator runs its own `useRealtime(topics)`.
   */
  status?: RealtimeStatus;
  /** The topics its own stream follows when `status` is absent. Defaults to `['products']`. */
  topics?: readonly RealtimeTopic[];
}

const DEFAULT_TOPICS: readonly RealtimeTopic[] = ['products'];

/**
 * Whether what the page shows is live: *Live* (connected), *Connecting…*, *Reconnecting…* (the
 * stream dropped and is coming back) or *Offline* (the credential may not stream, or the stream
 * was refused). A `role="status"` region, so screen readers hear the changes; the state is in
 * words, its dot only repeats it (`data-status` for styling).
 *
 * @example
 * ```tsx
 * const { status } = useRealtime(['products']);
 * <LiveIndicator status={status} />
 * ```
 */
export function LiveIndicator({ status, topics = DEFAULT_TOPICS }: LiveIndicatorProps) {
  const { t } = useMessages(liveIndicatorMessages);
  const own = useRealtime(topics, { enabled: status === undefined });
  const shown = status ?? own.status;
  return (
    <span className="as-live" role="status" data-status={shown}>
      <span className="as-live__dot" aria-hidden="true" />
      <span className="as-visually-hidden">{t('live.label')}: </span>
      {t(`live.${shown}`)}
    </span>
  );
}
