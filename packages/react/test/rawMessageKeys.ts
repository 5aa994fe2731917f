import { defaultMessages } from '../src/messages/messages';

// Longest first, so `upgrade.addonCta` is not reported as `upgrade.addon…`; a key counts only as a
// whole dotted word (`team.role.admin`, also before a full stop; not inside `x.team.role.admin`).
const KEYS = Object.keys(defaultMessages).sort((a, b) => b.length - a.length);
const KEY = new RegExp(`(?<![\\w.])(?:${KEYS.map((k) => k.replace(/\./g, '\\.')).join('|')})(?!\\w|\\.\\w)`);
const LABELS = ['aria-label', 'aria-description', 'aria-valuetext', 'title', 'placeholder', 'alt'];

/**
 * The texts and labels under `root` that show a message key where its message should be: what a
 * component shows when it calls a key none of its dictionaries (nor the caller) holds.
 */
export function rawMessageKeys(root: Node): string[] {
  const found: string[] = [];
  const walker = root.ownerDocument?.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker?.nextNode(); node; node = walker?.nextNode()) {
    const match = node.textContent?.match(KEY);
    if (match) found.push(match[0]);
  }
  const elements = root instanceof Element ? [root, ...root.querySelectorAll('*')] : [];
  for (const element of elements) {
    for (const name of LABELS) {
      const match = element.getAttribute(name)?.match(KEY);
      if (match) found.push(`${match[0]} (${name})`);
    }
  }
  return found;
}
