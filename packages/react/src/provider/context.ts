import type { AgentStack, Entitlements } from '@agentstack/sdk';
import type { UpgradeHint } from '@agentstack/sdk/catalog';
import { createContext, useContext } from 'react';
import type { Messages, Translate } from '../messages/messages';
import type { AgentStackTheme } from '../theme/theme';

/** What `AgentStackProvider` shares with hooks and components. */
export interface AgentStackContextValue {
  client: AgentStack;
  theme: AgentStackTheme;
  /** BCP 47 locale used for numbers, money and dates. */
  locale: string;
  t: Translate;
  /** The merged message catalogue, for keys computed at run time. */
  messages: Messages;
  /** Entitlements passed to the provider, which then replace the fetched ones. */
  entitlements: Entitlements | undefined;
  /** Called by upgrade prompts' call to action. */
  onUpgrade: ((upgrade: UpgradeHint) => void) | undefined;
  /** Where upgrade prompts link to, when they should be links. */
  upgradeHref: ((upgrade: UpgradeHint) => string) | undefined;
}

/** @internal */
export const AgentStackContext = createContext<AgentStackContextValue | null>(null);

/**
 * The provider's value. Throws outside an `AgentStackProvider`.
 */
export function useAgentStack(): AgentStackContextValue {
  const ctx = useContext(AgentStackContext);
  if (!ctx) throw new Error('useAgentStack() must be used inside <AgentStackProvider>.');
  return ctx;
}

/** The SDK client given to the provider. */
export function useAgentStackClient(): AgentStack {
  return useAgentStack().client;
}

/** The resolved theme given to the provider. */
export function useTheme(): AgentStackTheme {
  return useAgentStack().theme;
}

/**
 * The translate function and the active locale.
 * @example const { t } = useMessages(); t('products.selectedCount', { count: 2 })
 */
export function useMessages(): { t: Translate; locale: string } {
  const { t, locale } = useAgentStack();
  return { t, locale };
}
