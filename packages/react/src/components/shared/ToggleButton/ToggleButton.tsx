import type { ReactNode } from 'react';

/** Props of {@link ToggleButton}. */
export interface ToggleButtonProps {
  /** Whether the panel it controls is open (`aria-expanded`). */
  open: boolean;
  /** The id of that panel (`aria-controls`). */
  controls: string;
  /** Called with the next state when pressed. */
  onToggle: (open: boolean) => void;
  children: ReactNode;
}

/**
 * @internal The primary button in a card's header that opens and closes a panel under it (an
 * "Add product" or "Invite member" form), exposed as a disclosure.
 *
 * @example <ToggleButton open={creating} controls={`${id}-create`} onToggle={setCreating}>{t('products.add')}</ToggleButton>
 */
export function ToggleButton({ open, controls, onToggle, children }: ToggleButtonProps) {
  return (
    <button
      type="button"
      className="as-button as-button--primary"
      aria-expanded={open}
      aria-controls={controls}
      onClick={() => onToggle(!open)}
    >
      {children}
    </button>
  );
}
