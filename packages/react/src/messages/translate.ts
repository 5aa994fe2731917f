import type { MessageKey, Translate } from './messages';

/** Replaces `{{name}}` placeholders in `template` with `vars[name]`; unknown ones stay visible. */
export function interpolate(template: string, vars?: Record<string, string | number>): string {
  if (!vars) return template;
  return template.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (match, name: string) =>
    name in vars ? String(vars[name]) : match,
  );
}

/** @internal A {@link Translate} over one lookup: the key's message, interpolated, else the key. */
export function translator<K extends MessageKey>(messages: { readonly [Key in K]?: string }): Translate<K> {
  return ((key: K, vars?: Record<string, string | number>) =>
    interpolate(messages[key] ?? key, vars)) as Translate<K>;
}
