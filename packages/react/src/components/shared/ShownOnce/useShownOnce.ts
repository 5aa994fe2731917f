import { type RefObject, useEffect, useRef, useState } from 'react';

/** What {@link useShownOnce} gives a panel that shows a value once (a new key's secret, an invitation link). */
export interface ShownOnce<P extends HTMLElement> {
  /** The panel: focused when it appears, so keyboard and screen-reader users land on the value. */
  panel: RefObject<P | null>;
  /** The read-only input holding the value: selected when copying fails, to copy by hand. */
  input: RefObject<HTMLInputElement | null>;
  /** `copied` or `failed` after the last copy; `idle` before. */
  copy: 'idle' | 'copied' | 'failed';
  /** Copies `value` to the clipboard when the browser allows it. */
  onCopy: () => Promise<void>;
}

/**
 * @internal The one behaviour of every "shown once" panel: focus on appearance, copy to the
 * clipboard, and fall back to a selected input in insecure contexts or without permission.
 */
export function useShownOnce<P extends HTMLElement>(value: string): ShownOnce<P> {
  const panel = useRef<P>(null);
  const input = useRef<HTMLInputElement>(null);
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');

  useEffect(() => {
    panel.current?.focus();
  }, []);

  const onCopy = async () => {
    const clipboard = typeof navigator !== 'undefined' ? navigator.clipboard : undefined;
    try {
      if (!clipboard?.writeText) throw new Error('Clipboard unavailable');
      await clipboard.writeText(value);
      setCopy('copied');
    } catch {
      setCopy('failed');
      input.current?.select();
    }
  };

  return { panel, input, copy, onCopy };
}
