import type { AgentStack, Entitlements } from '@agentstack/sdk';
import type { UpgradeHint } from '@agentstack/sdk/catalog';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type CSSProperties, type ReactNode, useMemo, useState } from 'react';
import type { Messages } from '../messages/messages';
import type { AgentStackTheme } from '../theme/theme';
import { themeToCssVariables } from '../theme/theme';
import { AgentStackContext, type AgentStackContextValue } from './context';

/** Locale settings: the BCP 47 code for formatting and message overrides. */
export interface AgentStackLocale {
  /** Used by `Intl` for money, numbers and dates. Defaults to `en-US`. */
  code?: string;
  /**
   * Replaces any message of the catalogue (see `defaultMessages`), in every component below,
   * including the shared ones they show (common, plan catalogue, roles, statuses).
   */
  messages?: Partial<Messages>;
}

/** Props of {@link AgentStackProvider}. */
export interface AgentStackProviderProps {
  /** An `AgentStack` SDK client; its credential decides what the components may show and do. */
  client: AgentStack;
  /** Colours, fonts, radius, spacing and scheme. Defaults to the light scheme. */
  theme?: AgentStackTheme;
  /** Formatting locale and message overrides. */
  locale?: AgentStackLocale;
  /** Fixed entitlements (e.g. server-rendered); when absent they are fetched from the API. */
  entitlements?: Entitlements;
  /** Reuse the host's react-query client. Defaults to a client owned by the provider. */
  queryClient?: QueryClient;
  /** Called when a user picks an upgrade prompt's call to action. */
  onUpgrade?: (upgrade: UpgradeHint) => void;
  /** Makes upgrade calls to action links to this URL. */
  upgradeHref?: (upgrade: UpgradeHint) => string;
  /** Extra class on the themed root element. */
  className?: string;
  children?: ReactNode;
}

/** @internal Retries transient failures only; a 4xx answer will not change on retry. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  const status = (error as { status?: unknown } | null)?.status;
  if (typeof status === 'number' && status < 500 && status !== 429) return false;
  return failureCount < 2;
}

/** A react-query client with the kit's defaults: 30 s stale time, no retry on 4xx. */
export function createAgentStackQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 30_000, retry: shouldRetry, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}

/**
 * Provides the SDK client, theme, messages and entitlements to every hook and component, and
 * renders the themed root (`<div class="as-root">`) that carries the CSS variables.
 *
 * @example
 * ```tsx
 * import '@agentstack/react/styles.css';
 * const client = new AgentStack({ apiKey: session.token, baseUrl: '/api' });
 * <AgentStackProvider client={client} theme={themeFromBrand(brand)}>
 *   <ProductTable />
 * </AgentStackProvider>
 * ```
 */
export function AgentStackProvider({
  client,
  theme,
  locale,
  entitlements,
  queryClient,
  onUpgrade,
  upgradeHref,
  className,
  children,
}: AgentStackProviderProps) {
  const [ownQueryClient] = useState(() => queryClient ?? createAgentStackQueryClient());
  const activeQueryClient = queryClient ?? ownQueryClient;
  // Only the caller's overrides: each component brings its own default messages (useMessages).
  const messageOverrides = locale?.messages;
  const code = locale?.code ?? 'en-US';
  const value = useMemo<AgentStackContextValue>(
    () => ({
      client,
      theme: theme ?? {},
      locale: code,
      messageOverrides,
      entitlements,
      onUpgrade,
      upgradeHref,
    }),
    [client, theme, code, messageOverrides, entitlements, onUpgrade, upgradeHref],
  );
  const style = useMemo(() => themeToCssVariables(theme) as CSSProperties, [theme]);
  const scheme = theme?.colorScheme ?? 'light';
  return (
    <QueryClientProvider client={activeQueryClient}>
      <AgentStackContext.Provider value={value}>
        <div className={className ? `as-root ${className}` : 'as-root'} data-as-scheme={scheme} style={style}>
          {children}
        </div>
      </AgentStackContext.Provider>
    </QueryClientProvider>
  );
}
