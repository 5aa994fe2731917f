import type { AgentStack, Entitlements } from '@agentstack/sdk';
import type { UpgradeHint } from '@agentstack/sdk/catalog';
import { createContext, useContext, useMemo } from 'react';
import { commonMessages } from '../messages/common';
import type { MessageDictionary, MessageKey, Messages, Translate } from '../messages/messages';
import { translator } from '../messages/translate';
import type { AgentStackTheme } from '../theme/theme';

/** What `AgentStackProvider` shares with hooks and components. */
export interface AgentStackContextValue {
  client: AgentStack;
  theme: AgentStackTheme;
  /** BCP 47 locale used for numbers, money and dates. */
  locale: string;
  /**
   * The caller's message overrides (`locale.messages`), as given. Components resolve each key
   * from these first, then from their own defaults: read messages through `useMessages`.
   */
  messageOverrides: Partial<Messages> | undefined;
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

type KeysOf<D> = D extends unknown ? keyof D & MessageKey : never;

/** The keys every component can translate: the shared messages (loading, retry, errors, prices). */
export type CommonMessageKey = keyof typeof commonMessages;

/** What {@link useMessages} returns for dictionaries holding the keys `K`. */
export interface LocalizedMessages<K extends MessageKey> {
  /** Translates a key of the dictionaries; a key they do not hold is a type error. */
  t: Translate<K>;
  /** The resolved messages of those keys, for keys computed at run time. */
  messages: { readonly [Key in K]: string };
  /** BCP 47 locale used for numbers, money and dates. */
  locale: string;
}

/**
 * Messages for a component: each key resolves to the caller's override (the provider's
 * `locale.messages`), else the default in `dictionaries` (the `messages.ts` beside the component
 * and any shared sets it shows), else the shared common messages, else the key itself. `t` only
 * accepts keys those hold, so a component bundles the defaults of every string it can show and
 * no others. Pass module-level constants: the result is memoised on them.
 * @example
 * const { t } = useMessages(productTableMessages, productStatusMessages);
 * t('products.selectedCount', { count: 2 }) // "2 selected", or the caller's override
 * @example const { t } = useMessages(defaultMessages) // the whole catalogue
 */
export function useMessages<const D extends readonly MessageDictionary[]>(
  ...dictionaries: D
): LocalizedMessages<KeysOf<D[number]> | CommonMessageKey> {
  const { messageOverrides, locale } = useAgentStack();
  // biome-ignore lint/correctness/useExhaustiveDependencies: the dictionaries are the dependencies, one by one
  return useMemo(() => {
    const messages = Object.assign({}, commonMessages, ...dictionaries, messageOverrides);
    return { t: translator(messages), messages, locale };
  }, [messageOverrides, locale, ...dictionaries]);
}
